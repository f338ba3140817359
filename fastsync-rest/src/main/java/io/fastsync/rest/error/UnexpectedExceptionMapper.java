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
 * answer never carries the exception's message: it may name tables, classes or data. A database
 * that does not answer is no incident of FastSync's: {@code 503 database-unavailable} with
 * {@code Retry-After}, so that clients retry, and one log line a minute while it lasts instead of
 * a stack trace per request.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    /** Seconds a client is asked to wait before it retries while the database does not answer. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final RateLimit UNAVAILABLE_LOGGED = new RateLimit(1, 60_000, java.time.Clock.systemUTC());

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
        String unreachable = unreachableDatabase(e);
        if (unreachable != null) {
            RateLimit.Decision logged = UNAVAILABLE_LOGGED.tryAcquire();
            if (logged.allowed()) {
                LOG.warning(() -> "FastSync: the database does not answer (" + unreachable + "); requests are answered"
                        + " 503 until it does"
                        + (logged.suppressedBefore() > 0
                                ? " (" + logged.suppressedBefore() + " more since the last line)"
                                : ""));
            }
            return Response.fromResponse(Problems.answer(
                            Refusal.DATABASE_UNAVAILABLE,
                            "the database does not answer; retry in " + RETRY_AFTER_SECONDS + " s",
                            List.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "FastSync incident " + incident,
                e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e);
        return Problems.answer(
                Refusal.INTERNAL_ERROR, "the server failed to handle the request; incident " + incident, List.of());
    }

    /**
     * @return what says that the database could not be reached (for the log, never for the
     *     client), or null: an SQL state of class 08 (connection exception), a JDBC connection
     *     exception, or the pool's failure to allocate a connection
     */
    static String unreachableDatabase(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return t.getClass().getSimpleName();
            }
            if (t instanceof java.sql.SQLException sql) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return "SQL state " + sql.getSQLState();
                }
                if (sql.getMessage() != null && sql.getMessage().startsWith("Error in allocating a connection")) {
                    return "no connection could be allocated";
                }
                if (sql.getNextException() != null) {
                    todo.push(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
        }
        return null;
    }
}
