/**
 * The push path. {@link io.fastsync.push.PushService} is the transactional entry; it runs
 * {@link io.fastsync.push.PushPipeline}, whose steps are: validate
 * ({@link io.fastsync.push.PushValidator}), lock the zones' version counters, answer a retry from
 * its receipt ({@link io.fastsync.push.PushReceipts}), then detect, resolve and write
 * ({@link io.fastsync.push.ConflictDetector}, {@link io.fastsync.push.PushApplier}) and record the
 * receipt. HTTP does not live here.
 */
package io.fastsync.push;
