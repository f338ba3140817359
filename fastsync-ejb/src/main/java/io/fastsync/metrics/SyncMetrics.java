package io.fastsync.metrics;

import io.fastsync.wire.ConflictWinner;
import java.time.Duration;

/**
 * What the engine and the REST edge report as they work, for an operator's metrics and traces. The
 * engine depends on no telemetry library: {@code fastsync-telemetry} implements this with
 * OpenTelemetry through MicroProfile Telemetry ({@code io.fastsync.telemetry.OpenTelemetrySyncMetrics}),
 * and the standalone server carries it; an embedding application may add that jar, provide its own
 * CDI bean of this type, or none, and then nothing is recorded.
 */
public interface SyncMetrics {

    /** A push that was answered (not refused), with the objects it held; replays included. */
    void pushed(Duration took, int objects);

    /** The time a push waited for the locks of its zones' version counters. */
    void waitedForLocks(Duration waited);

    /** One conflict settled by a type's strategy. */
    void conflict(String type, String strategy, ConflictWinner winner);

    /**
     * A retry answered without changing anything.
     *
     * @param keyed true for a push answered from its idempotency receipt; false for one object of
     *              a keyless push that an earlier push carried
     */
    void replayed(boolean keyed);

    /** A pull that was answered, with the objects its page held. */
    void pulled(Duration took, int objects);

    /** The bytes of one pull page as written to the client. */
    void pageWritten(long bytes);

    /** A request refused with a 4xx, by its problem code. */
    void refused(String code);

    /** Tombstones purged by the retention. */
    void tombstonesPurged(long count);

    /** A change stream opened. */
    default void streamOpened() {}

    /**
     * A change stream ended.
     *
     * @param reason {@code client} (its subscriber left), {@code too-slow}, {@code token-expired},
     *               {@code lifetime} or {@code shutdown}
     */
    default void streamEnded(String reason) {}

    /** A commit told to a change stream that still had one of the same zone to tell: one event instead of two. */
    default void streamEventFolded() {}

    /**
     * A change stream was told of a commit: written to its connection {@code lag} after this
     * instance learned of the commit (at its transaction's success, or when another instance's
     * notice arrived).
     */
    default void changeTold(Duration lag) {}

    /**
     * Begins a piece of work for the operator's traces ({@code fastsync.push}, {@code fastsync.pull}
     * and their steps); the caller closes it.
     *
     * @return never null
     */
    default Traced begin(String name) {
        return Traced.NONE;
    }

    /** Records nothing. */
    SyncMetrics NONE = new SyncMetrics() {
        @Override
        public void pushed(Duration took, int objects) {}

        @Override
        public void waitedForLocks(Duration waited) {}

        @Override
        public void conflict(String type, String strategy, ConflictWinner winner) {}

        @Override
        public void replayed(boolean keyed) {}

        @Override
        public void pulled(Duration took, int objects) {}

        @Override
        public void pageWritten(long bytes) {}

        @Override
        public void refused(String code) {}

        @Override
        public void tombstonesPurged(long count) {}
    };
}
