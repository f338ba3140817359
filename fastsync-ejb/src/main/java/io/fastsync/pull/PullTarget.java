package io.fastsync.pull;

import io.fastsync.registry.RegisteredType;

/**
 * One type a pull asks for: where the client's cursor stands in which zone.
 *
 * @param cursor the highest version the client has received
 * @param mark   the mark its cursor carries ({@link io.fastsync.internal.version.VersionMarks}); 0 for none
 */
record PullTarget<T>(RegisteredType<T> type, String zone, long cursor, long mark) {

    /** @return the same type and zone, served from the start */
    PullTarget<T> fromStart() {
        return new PullTarget<>(type, zone, 0, 0);
    }
}
