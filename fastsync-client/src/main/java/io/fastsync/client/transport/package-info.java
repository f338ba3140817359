/**
 * Talking to a FastSync server: the {@link io.fastsync.client.transport.SyncTransport} interface
 * that the sync logic uses, its ready implementation on {@code java.net.http}
 * ({@link io.fastsync.client.transport.HttpSyncTransport}), and the exceptions of a failed
 * exchange.
 *
 * <p>This package knows the wire records and HTTP, nothing about local stores or repositories.
 * Whether a failure leaves changes pending is decided by the push and pull packages, not here.
 */
package io.fastsync.client.transport;
