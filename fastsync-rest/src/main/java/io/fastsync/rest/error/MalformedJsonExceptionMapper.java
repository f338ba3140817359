package io.fastsync.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body that is not JSON: 400. */
@Provider
public class MalformedJsonExceptionMapper implements ExceptionMapper<MalformedJsonException> {

    @Override
    public Response toResponse(MalformedJsonException e) {
        return Problems.answer(400, "malformed-json", "The body is not JSON", e.getMessage(), List.of());
    }
}
