/**
 * The engine's internals, not for applications: the version counters ({@code internal.version}),
 * the schema migration ({@code internal.schema}) and the entity manager the engine's steps are
 * given ({@link io.fastsync.internal.FastSyncUnit}). Nothing here is kept compatible between
 * releases; the public API is everything outside this package and the step classes of
 * {@code io.fastsync.push} and {@code io.fastsync.pull}, which are not public.
 */
package io.fastsync.internal;
