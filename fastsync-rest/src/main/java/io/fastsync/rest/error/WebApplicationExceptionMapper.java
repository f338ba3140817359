package io.fastsync.rest.error;

import io.fastsync.error.Refusal;
import io.fastsync.wire.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** JAX-RS's own refusals (unknown path, wrong method) in the same shape as every other error. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Refusal known = switch (status) {
            case 404 -> Refusal.NOT_FOUND;
            case 405 -> Refusal.METHOD_NOT_ALLOWED;
            default -> null;
        };
        if (known != null) {
            Response answer =
                    Problems.answer(known, known.title() + ": FastSync serves POST push and POST pull", List.of());
            String allowed = e.getResponse().getHeaderString("Allow");
            return allowed == null
                    ? answer
                    : Response.fromResponse(answer).header("Allow", allowed).build();
        }
        // Whatever else the container refuses (406, 415, ...) keeps its status under a code made from it.
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "HTTP " + status : type.getReasonPhrase();
        return Problems.answer(new Problem(
                status, "http-" + status, reason, reason + ": FastSync serves POST push and POST pull", List.of()));
    }
}
