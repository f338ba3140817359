package io.fastsync.rest.error;

import io.fastsync.error.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body that is not JSON: 400. */
@Provider
public class MalformedJsonExceptionMapper implements ExceptionMapper<MalformedJsonException> {

    @Override
    public Response toResponse(MalformedJsonException e) {
        return Problems.answer(Refusal.MALFORMED_JSON, e.getMessage(), List.of());
    }
}
