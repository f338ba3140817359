package io.fastsync.rest.error;

import io.fastsync.error.Refusal;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.Problem;
import io.fastsync.wire.WireJson;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.util.List;

/** Builds every error answer: one shape, {@code application/problem+json}. */
public final class Problems {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {}

    /** Writes a problem as every error answer carries it, also where no JAX-RS response is built. */
    public static void write(Problem problem, OutputStream out) {
        try (JsonGenerator g = WireJson.generator(out)) {
            MessageWriter.writeProblem(problem, g);
        }
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status())
                .type(PROBLEM_JSON)
                .entity(new Body(problem))
                .build();
    }

    /** A problem as the answer's entity: written as problem details, and read by {@link RefusalLog}. */
    record Body(Problem problem) implements StreamingOutput {
        @Override
        public void write(OutputStream out) {
            Problems.write(problem, out);
        }
    }

    static Response answer(Refusal refusal, String detail, List<Problem.Location> errors) {
        return answer(new Problem(refusal.status(), refusal.code(), refusal.title(), detail, errors));
    }
}
