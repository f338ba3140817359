/**
 * The application's side of the client: registering a type ({@link io.fastsync.client.type.SyncType}
 * with its {@link io.fastsync.client.type.Zone} and {@link io.fastsync.client.type.FieldMapper}) and
 * editing its objects through a {@link io.fastsync.client.type.SyncableRepository}.
 *
 * <p>Every edit here is local: it marks the object pending and counts a new local revision; it
 * never calls the server. Pushing and pulling belong to {@code push} and {@code pull}.
 */
package io.fastsync.client.type;
