package io.fastsync.rest.error;

import io.fastsync.error.Refusal;
import io.fastsync.wire.Problem;
import io.fastsync.wire.WireFormatException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body that is JSON but not of the FastSync shape: 400, with the offending place. */
@Provider
public class WireFormatExceptionMapper implements ExceptionMapper<WireFormatException> {

    @Override
    public Response toResponse(WireFormatException e) {
        String where = e.pointer().isEmpty() ? "" : e.pointer() + " ";
        return Problems.answer(
                Refusal.INVALID_FIELD,
                where + e.getMessage(),
                List.of(new Problem.Location(e.type(), e.objectId(), e.pointer(), e.getMessage())));
    }
}
