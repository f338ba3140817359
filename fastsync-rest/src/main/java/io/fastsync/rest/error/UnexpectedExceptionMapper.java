package io.fastsync.rest.error;

import io.fastsync.error.Refusal;
import io.fastsync.error.SyncRequestException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: 500 with an incident id that the log repeats beside the full exception. The
 * answer never carries the exception's message: it may name tables, classes or data.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SyncRequestException refusal) {
                return Problems.answer(refusal.toProblem());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "FastSync incident " + incident,
                e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e);
        return Problems.answer(
                Refusal.INTERNAL_ERROR, "the server failed to handle the request; incident " + incident, List.of());
    }
}
