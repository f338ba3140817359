/**
 * Sending local changes: {@link io.fastsync.client.push.Pusher} builds a batch of the pending
 * objects ({@link io.fastsync.client.push.BatchBuilder}), stores it with its idempotency key
 * before sending it, and records the per-object answer
 * ({@link io.fastsync.client.push.AnswerRecorder}).
 *
 * <p>The rules that make pushing safe live here: the base version sent is the server version the
 * edit was made on; a change stays pending until an answer acknowledges that very revision; a
 * failed push is sent again byte for byte with the same key. Transport and storage are not here.
 */
package io.fastsync.client.push;
