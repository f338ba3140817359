package io.fastsync.wire;

/**
 * What a push did to one object.
 *
 * @param id       the object id
 * @param outcome  never null
 * @param winner   for {@link PushOutcome#RESOLVED} only, otherwise null
 * @param strategy for {@link PushOutcome#RESOLVED} only: the strategy that decided; otherwise null
 * @param version  the version the object has on the server now
 * @param deleted  whether the object is now a tombstone on the server
 */
public record ObjectResult(
        String id, PushOutcome outcome, ConflictWinner winner, String strategy, long version, boolean deleted) {}
