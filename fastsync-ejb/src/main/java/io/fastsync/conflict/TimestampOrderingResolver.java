package io.fastsync.conflict;

/**
 * The copy with the later timestamp wins; on a tie, the server's, so that a replayed old edit
 * never overwrites what is stored. Timestamps are compared after normalisation to microseconds,
 * whatever unit each client sent.
 */
public final class TimestampOrderingResolver<T> implements ConflictResolver<T> {

    @Override
    public T resolve(Conflict<T> conflict) {
        return conflict.clientTimestamp() > conflict.serverTimestamp() ? conflict.clientCopy() : conflict.serverCopy();
    }
}
