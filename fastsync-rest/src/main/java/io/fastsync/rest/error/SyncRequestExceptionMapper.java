package io.fastsync.rest.error;

import io.fastsync.error.SyncRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal of the engine, with its own status and code. */
@Provider
public class SyncRequestExceptionMapper implements ExceptionMapper<SyncRequestException> {

    @Override
    public Response toResponse(SyncRequestException e) {
        return Problems.answer(e.toProblem());
    }
}
