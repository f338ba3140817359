/**
 * The push path. {@link io.fastsync.push.PushService#push} is the transactional entry and reads as
 * the pipeline: validate ({@link io.fastsync.push.PushValidator}), lock the zones' version
 * counters, answer a keyed retry from its receipt ({@link io.fastsync.push.PushReceipts}), tell a
 * keyless retry by its objects ({@link io.fastsync.push.Submissions}), detect
 * ({@link io.fastsync.push.ConflictDetector}), settle conflicts by strategy
 * ({@link io.fastsync.push.ConflictSettler}), write and stamp ({@link io.fastsync.push.PushApplier}),
 * record the receipt and the keyless objects. Each step is a CDI bean with constructor injection. The retry rule of every
 * entry point is {@link io.fastsync.push.PushRetry}. HTTP does not live here.
 */
package io.fastsync.push;
