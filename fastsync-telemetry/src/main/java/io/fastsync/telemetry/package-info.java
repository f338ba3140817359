/**
 * FastSync's metrics and traces through OpenTelemetry: {@link io.fastsync.telemetry.OpenTelemetrySyncMetrics},
 * the {@link io.fastsync.metrics.SyncMetrics} that records with the {@code OpenTelemetry} bean that
 * MicroProfile Telemetry 2 provides (Payara 7, WildFly 39). Exporting (OTLP to a collector, which
 * Prometheus can scrape or which can write to Prometheus) is the server's, set by the standard
 * {@code otel.*} settings. Nothing here names a zone or carries an object's data.
 */
package io.fastsync.telemetry;
