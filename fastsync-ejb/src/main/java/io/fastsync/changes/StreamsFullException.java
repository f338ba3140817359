package io.fastsync.changes;

import io.fastsync.error.Refusal;
import io.fastsync.error.SyncRequestException;

/**
 * This instance holds {@code fastsync.changes.max-open} subscriptions already: the subscriber is
 * answered {@code 503} with {@code Retry-After}, and may try again here or reach another instance.
 */
public class StreamsFullException extends SyncRequestException {

    /** Seconds a refused subscriber is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** @param max the most subscriptions this instance holds */
    public StreamsFullException(int max) {
        super(
                Refusal.STREAMS_FULL,
                null,
                null,
                null,
                "this server holds " + max + " change streams, the most it allows (fastsync.changes.max-open);"
                        + " retry in " + RETRY_AFTER_SECONDS + " s");
    }
}
