package io.fastsync.conflict;

import io.fastsync.wire.ObjectResult;

/**
 * A conflict a push settled, published once per object as a CDI event by the push that settled it
 * ({@link io.fastsync.push.PushService}); a replayed push publishes none. Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to see only the pushes that committed.
 *
 * @param type   the type's name
 * @param zone   the zone the push was admitted to; null for a global type
 * @param result the object's result as the client is answered: who won, by which strategy, the new version
 */
public record ConflictSettled(String type, String zone, ObjectResult result) {}
