/**
 * FastSync for Jakarta EE. {@link io.fastsync.SyncManager} is the entry point for applications;
 * the packages below are by feature: {@code push} and {@code pull} (the two paths), {@code conflict},
 * {@code zone}, {@code version}, {@code entity} and {@code document} (storage), {@code registry},
 * {@code config}, {@code schema} and {@code error}.
 */
package io.fastsync;
