package io.fastsync.conflict;

import io.fastsync.wire.ConflictWinner;

/**
 * How a conflict was settled: which copy won, and the value to keep.
 *
 * @param winner   the client's copy, the server's, or a third one the application's resolver made
 * @param kept     the value to store; never null
 * @param strategy the strategy that decided
 * @param <T>      the type's value class
 */
public record Resolution<T>(ConflictWinner winner, T kept, ConflictStrategy strategy) {}
