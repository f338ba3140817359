/**
 * The FastSync Java client. {@link io.fastsync.client.SyncManager} is the entry point: register
 * types on it, edit their objects through the repositories it returns, and call
 * {@code pull()}, {@code push()}, {@code sync()} or {@code hardReset()}.
 *
 * <p>Sub-packages, by feature: {@code type} (types and repositories, local edits),
 * {@code store} (the local copy: in memory or H2), {@code push} and {@code pull} (the sync rules),
 * {@code transport} (HTTP and its failures), {@code cli} (the command-line tool). This package
 * only wires them together and serialises sync operations; it holds no sync rule of its own
 * beyond the order of steps in {@code sync()} and {@code hardReset()}.
 */
package io.fastsync.client;
