/**
 * Operational figures: {@link io.fastsync.metrics.SyncMetrics} is what the engine and the REST
 * edge report, whatever records it.
 */
package io.fastsync.metrics;
