package io.fastsync.changes;

import io.fastsync.error.Refusal;
import io.fastsync.error.SyncRequestException;

/** The caller holds {@code fastsync.changes.max-per-caller} subscriptions already. */
public class TooManySubscriptionsException extends SyncRequestException {

    /** @param max the most subscriptions one caller may hold */
    public TooManySubscriptionsException(int max) {
        super(
                Refusal.TOO_MANY_SUBSCRIPTIONS,
                null,
                null,
                null,
                "this caller holds " + max + " change subscriptions already, the most allowed"
                        + " (fastsync.changes.max-per-caller); close one first");
    }
}
