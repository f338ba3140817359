package io.fastsync.push;

import io.fastsync.conflict.Resolution;

/**
 * What a push does with one object: the detector's decision against the stored copy and, for a
 * conflict, how the type's strategy settled it.
 *
 * @param stored     the stored copy, managed in the push's transaction; null for a new object
 * @param resolution null unless the decision is a conflict that has been settled
 */
record ObjectDecision<T>(
        IncomingObject<T> incoming, T stored, ConflictDetector.Decision decision, Resolution<T> resolution) {

    ObjectDecision<T> settledBy(Resolution<T> settled) {
        return new ObjectDecision<>(incoming, stored, decision, settled);
    }
}
