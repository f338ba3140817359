package io.fastsync.error;

/**
 * Every way FastSync answers a request it does not carry out: the one place that knows each
 * answer's HTTP status, its stable code and its title. The refusal exceptions take theirs from
 * here, the REST edge's mappers look theirs up here, and the error table of
 * {@code docs/http-api.md} is checked against this list by a test.
 */
public enum Refusal {
    MALFORMED_JSON(400, "malformed-json", "The body is not JSON"),
    INVALID_FIELD(400, "invalid-field", "A field has the wrong type or value"),
    UNKNOWN_TYPE(400, "unknown-type", "The type is not served here"),
    MISSING_ZONE(400, "missing-zone", "A restricted type needs a zone"),
    UNAUTHENTICATED(401, "unauthenticated", "The request has no valid token"),
    ZONE_FORBIDDEN(403, "zone-forbidden", "The caller may not use this zone"),
    LOCAL_ONLY(403, "local-only", "This server serves its own machine only"),
    ORIGIN_FORBIDDEN(403, "origin-forbidden", "Web pages of this origin may not call the server"),
    ADMIN_ONLY(403, "admin-only", "Only administrators may use the admin API"),
    NOT_FOUND(404, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method Not Allowed"),
    REQUEST_TIMEOUT(408, "request-timeout", "The body did not arrive in time"),
    ZONE_CONFLICT(409, "zone-conflict", "The object belongs to another zone"),
    CURSOR_EXPIRED(410, "cursor-expired", "The cursor can no longer be served: start over from 0"),
    PUSH_TOO_LARGE(413, "push-too-large", "The push is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The body must be JSON"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The idempotency key was used for another push"),
    TOO_MANY_SUBSCRIPTIONS(429, "too-many-subscriptions", "The caller holds the most change subscriptions allowed"),
    INTERNAL_ERROR(500, "internal-error", "The server failed"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "The database does not answer"),
    STREAMS_FULL(503, "streams-full", "The server holds the most change streams it allows"),
    KEY_SET_UNAVAILABLE(503, "key-set-unavailable", "The keys that verify tokens cannot be fetched");

    private final int status;
    private final String code;
    private final String title;

    Refusal(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** @return the HTTP status that answers it */
    public int status() {
        return status;
    }

    /** @return the stable machine-readable code */
    public String code() {
        return code;
    }

    /** @return a short human summary of the code */
    public String title() {
        return title;
    }
}
