/**
 * Where the client keeps its local copy: objects with their sync bookkeeping (pending flag, base
 * version, local revision), per-type cursors and zones, and the push that is waiting for its
 * answer.
 *
 * <p>{@link io.fastsync.client.store.LocalStore} is the one interface; it runs work in a
 * transaction on a {@link io.fastsync.client.store.StoreTransaction}. Two stores implement it:
 * {@link io.fastsync.client.store.MemoryStore} and {@link io.fastsync.client.store.H2Store}
 * (an embedded H2 file, plain JDBC). Stores are deliberately dumb: they read and write rows.
 * Every sync rule (what a pull may overwrite, when a change stops being pending) lives in the
 * {@code type}, {@code push} and {@code pull} packages, once, so both stores obey it alike.
 */
package io.fastsync.client.store;
