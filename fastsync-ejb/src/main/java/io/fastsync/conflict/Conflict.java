package io.fastsync.conflict;

/**
 * Two copies of one object: the server's, changed since the client last saw it, and the client's.
 *
 * @param typeName        never null
 * @param objectId        never null
 * @param serverCopy      the stored copy; never null
 * @param clientCopy      the pushed copy; never null
 * @param serverTimestamp the server copy's timestamp, microseconds since the epoch
 * @param clientTimestamp the client copy's timestamp, normalised to microseconds
 * @param <T>             the type's value class
 */
public record Conflict<T>(
        String typeName, String objectId, T serverCopy, T clientCopy, long serverTimestamp, long clientTimestamp) {}
