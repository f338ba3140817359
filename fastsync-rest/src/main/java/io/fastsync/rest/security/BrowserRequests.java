package io.fastsync.rest.security;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.OriginForbiddenException;
import io.fastsync.error.UnsupportedMediaTypeException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * What web pages may do, before authentication: a request that carries an {@code Origin} (a
 * browser's, from a page) is served only for the origins {@code fastsync.cors.allowed-origins}
 * lists, none by default, and those get the CORS headers, preflights included. So no page of
 * another site can write through a user's browser, even to a server on the user's own machine:
 * browsers send {@code Origin} with every cross-site {@code POST}, forms included. A body sent as
 * a URL-encoded or multipart form is refused whatever its origin: a FastSync body is JSON.
 * ({@code text/plain} is not refused: an app's own HTTP code, such as Dart's {@code http.post}
 * with a string body, sends JSON under it, and a page's {@code text/plain} form carries its
 * {@code Origin}.)
 */
@Provider
@SyncEndpoint
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class BrowserRequests implements ContainerRequestFilter, ContainerResponseFilter {

    /** The form encodings, which no FastSync client sends. */
    private static final List<String> FORMS = List.of("application/x-www-form-urlencoded", "multipart/form-data");

    @Inject
    FastSyncSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && !allowed(origin)) {
            throw new OriginForbiddenException("web pages of " + origin + " may not call this server; "
                    + FastSyncSettings.ALLOWED_ORIGINS + " lists the origins that may");
        }
        MediaType type = request.getMediaType();
        if (type != null && FORMS.contains((type.getType() + "/" + type.getSubtype()).toLowerCase())) {
            throw new UnsupportedMediaTypeException(
                    "a FastSync body is JSON: send it as Content-Type: application/json, not " + type);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        if (isPreflight(request)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "POST");
            response.getHeaders()
                    .putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        } else {
            answerHeaders(origin).forEach((name, value) -> {
                if (name.equals("Vary")) {
                    response.getHeaders().add(name, value);
                } else {
                    response.getHeaders().putSingle(name, value);
                }
            });
        }
    }

    /**
     * @param origin the request's {@code Origin}; may be null
     * @return the CORS headers of an answer (not a preflight's) to a request from that origin;
     *     none for a request without one or from an origin not allowed
     */
    public Map<String, String> answerHeaders(String origin) {
        if (origin == null || !allowed(origin)) {
            return Map.of();
        }
        return Map.of(
                "Access-Control-Allow-Origin", origin,
                "Vary", "Origin",
                "Access-Control-Expose-Headers", "WWW-Authenticate");
    }

    private boolean allowed(String origin) {
        return settings.security().allowedOrigins().contains(origin);
    }

    /** Whether a request is a preflight, which carries no credentials and is answered without them. */
    static boolean isPreflight(ContainerRequestContext request) {
        return HttpMethod.OPTIONS.equals(request.getMethod());
    }
}
