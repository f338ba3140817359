package org.example.tasks;

import io.fastsync.error.SyncRequestException;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.Problem;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.StringWriter;

/**
 * FastSync's refusals (an unknown type, a zone the caller may not use, a bad field...) as the
 * problem bodies FastSync clients read: the status, the code and where. A refused push wrote
 * nothing.
 */
@Provider
public class SyncErrors implements ExceptionMapper<SyncRequestException> {

    @Override
    public Response toResponse(SyncRequestException e) {
        Problem problem = e.toProblem();
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(text)) {
            MessageWriter.writeProblem(problem, g);
        }
        return Response.status(problem.status())
                .type("application/problem+json")
                .entity(text.toString())
                .build();
    }
}
