package io.fastsync.rest;

/**
 * Why a change stream ended: the {@code reason} of its {@code closing} event, and the tag of
 * {@code fastsync.changes.ended}. On every reason the subscriber reconnects with its cursors (a
 * fresh token first, for {@link #TOKEN_EXPIRED}) and misses nothing.
 */
public enum StreamEnd {
    /** The subscriber left (its connection closed or failed); no event is written. */
    CLIENT("client"),
    /** What was written to the stream stayed unread for {@code fastsync.changes.stall-seconds}; no event is written. */
    TOO_SLOW("too-slow"),
    /** The token the stream was opened with expired (the clock skew allowed included). */
    TOKEN_EXPIRED("token-expired"),
    /** The stream was open for {@code fastsync.changes.max-lifetime-seconds} (less a random tenth at most). */
    LIFETIME("lifetime"),
    /** The server stops. */
    SHUTDOWN("shutdown");

    private final String code;

    StreamEnd(String code) {
        this.code = code;
    }

    /** @return the reason as the closing event and the metrics name it */
    public String code() {
        return code;
    }
}
