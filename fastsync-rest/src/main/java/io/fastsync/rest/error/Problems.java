package io.fastsync.rest.error;

import io.fastsync.rest.JsonAnswer;
import io.fastsync.wire.Problem;
import io.fastsync.wire.WireJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds every error answer: one shape, {@code application/problem+json}. */
final class Problems {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    static Response answer(Problem problem) {
        return JsonAnswer.of(problem.status(), PROBLEM_JSON, g -> WireJson.writeProblem(problem, g));
    }

    static Response answer(int status, String code, String title, String detail, List<Problem.Location> errors) {
        return answer(new Problem(status, code, title, detail, errors));
    }
}
