package io.fastsync.client;

import io.fastsync.client.pull.PullListener;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Settings of a {@link SyncManager}. Start from {@link #DEFAULTS} and change what you need.
 *
 * @param pullLimit       the most objects per pull page to ask for; null (the default) leaves it
 *                        to the server's page size
 * @param pullListener    told after each pull page; never null (default: does nothing)
 * @param clock           stamps local edits; never null (default: the system clock)
 * @param idempotencyKeys makes the key of each new push batch; never null (default: random UUIDs)
 * @param pushBatchSize   the most objects one push request holds (default 500); a server that
 *                        takes fewer answers 413, and the client halves its batches until they fit
 * @param zoneChanges     told when the server hands a type over to another zone, or takes it away;
 *                        never null (default: {@link ZoneChangeListener#DEFAULT})
 */
public record SyncOptions(
        Integer pullLimit,
        PullListener pullListener,
        Clock clock,
        Supplier<String> idempotencyKeys,
        int pushBatchSize,
        ZoneChangeListener zoneChanges) {

    /** No page limit, no listener, the system clock, random UUID keys, pushes of at most 500 objects. */
    public static final SyncOptions DEFAULTS = new SyncOptions(
            null,
            PullListener.NONE,
            Clock.systemUTC(),
            () -> UUID.randomUUID().toString(),
            500,
            ZoneChangeListener.DEFAULT);

    public SyncOptions {
        if (pullLimit != null && pullLimit < 1) {
            throw new IllegalArgumentException("pullLimit must be at least 1");
        }
        Objects.requireNonNull(pullListener, "pullListener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        if (pushBatchSize < 1) {
            throw new IllegalArgumentException("pushBatchSize must be at least 1");
        }
        Objects.requireNonNull(zoneChanges, "zoneChanges");
    }

    public SyncOptions withPullLimit(Integer limit) {
        return new SyncOptions(limit, pullListener, clock, idempotencyKeys, pushBatchSize, zoneChanges);
    }

    public SyncOptions withPullListener(PullListener listener) {
        return new SyncOptions(pullLimit, listener, clock, idempotencyKeys, pushBatchSize, zoneChanges);
    }

    public SyncOptions withClock(Clock newClock) {
        return new SyncOptions(pullLimit, pullListener, newClock, idempotencyKeys, pushBatchSize, zoneChanges);
    }

    public SyncOptions withIdempotencyKeys(Supplier<String> keys) {
        return new SyncOptions(pullLimit, pullListener, clock, keys, pushBatchSize, zoneChanges);
    }

    public SyncOptions withPushBatchSize(int size) {
        return new SyncOptions(pullLimit, pullListener, clock, idempotencyKeys, size, zoneChanges);
    }

    public SyncOptions withZoneChanges(ZoneChangeListener listener) {
        return new SyncOptions(pullLimit, pullListener, clock, idempotencyKeys, pushBatchSize, listener);
    }
}
