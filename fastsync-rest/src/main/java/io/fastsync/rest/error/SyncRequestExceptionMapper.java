package io.fastsync.rest.error;

import io.fastsync.changes.StreamsFullException;
import io.fastsync.error.Refusal;
import io.fastsync.error.SyncRequestException;
import io.fastsync.rest.security.KeySetUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal of the engine, with its own status and code. */
@Provider
public class SyncRequestExceptionMapper implements ExceptionMapper<SyncRequestException> {

    @Override
    public Response toResponse(SyncRequestException e) {
        Response answer = Problems.answer(e.toProblem());
        if (e.refusal() == Refusal.UNAUTHENTICATED) {
            // RFC 6750: the scheme the client must use, and that its token (if any) was refused.
            return Response.fromResponse(answer)
                    .header("WWW-Authenticate", "Bearer realm=\"fastsync\", error=\"invalid_token\"")
                    .build();
        }
        if (e.refusal() == Refusal.STREAMS_FULL) {
            return Response.fromResponse(answer)
                    .header("Retry-After", StreamsFullException.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (e instanceof KeySetUnavailableException unavailable) {
            return Response.fromResponse(answer)
                    .header("Retry-After", unavailable.retryAfterSeconds())
                    .build();
        }
        return answer;
    }
}
