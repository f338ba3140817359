package io.fastsync.conflict;

/** The copy arriving now wins: the client's. */
public final class LastWriterWinsResolver<T> implements ConflictResolver<T> {

    @Override
    public T resolve(Conflict<T> conflict) {
        return conflict.clientCopy();
    }
}
