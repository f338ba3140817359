package io.fastsync.rest.security;

import io.fastsync.error.Refusal;
import io.fastsync.error.SyncRequestException;

/**
 * The key set that verifies tokens is at a URL that could not be fetched, and none was fetched
 * before: the token can be neither accepted nor refused. {@code 503 key-set-unavailable} with
 * {@code Retry-After}.
 */
public final class KeySetUnavailableException extends SyncRequestException {

    private final long retryAfterSeconds;

    /** @param retryAfterSeconds when the key set may be fetched again */
    KeySetUnavailableException(String message, long retryAfterSeconds) {
        super(Refusal.KEY_SET_UNAVAILABLE, null, null, null, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the seconds a client is asked to wait before it retries */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
