package io.fastsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.OtlpReceiver.Span;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver against the OpenTelemetry SDK's own OTLP/HTTP exporters, as a server exports. */
class OtlpReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void keepsTheSumsAndHistogramsThatTheSdkExports(String compression) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try (SdkMeterProvider meters = meters(receiver, compression, Duration.ofHours(1))) {
                Meter meter = meters.get("io.fastsync.test");
                LongCounter pushes = meter.counterBuilder("fastsync.pushes").build();
                pushes.add(
                        2,
                        Attributes.builder().put("zone", "a").put("shard", 1L).build());
                pushes.add(
                        3,
                        Attributes.builder().put("zone", "b").put("shard", 1L).build());
                pushes.add(
                        4,
                        Attributes.builder().put("zone", "a").put("shard", 2L).build());
                meter.counterBuilder("fastsync.bytes").ofDoubles().build().add(0.25);
                LongUpDownCounter streams =
                        meter.upDownCounterBuilder("fastsync.streams").build();
                streams.add(5, Attributes.builder().put("open", true).build());
                streams.add(-7, Attributes.builder().put("open", true).build());
                DoubleHistogram durations = meter.histogramBuilder("fastsync.push.duration")
                        .setUnit("s")
                        .build();
                durations.record(0.5, Attributes.builder().put("op", "push").build());
                durations.record(1.25, Attributes.builder().put("op", "push").build());
                durations.record(4, Attributes.builder().put("op", "pull").build());

                flush(meters.forceFlush());

                assertEquals(9, receiver.sum("fastsync.pushes"));
                assertEquals(6, receiver.sum("fastsync.pushes", "zone=a"));
                assertEquals(4, receiver.sum("fastsync.pushes", "zone=a", "shard=2"));
                assertEquals(5, receiver.sum("fastsync.pushes", "shard=1"));
                assertEquals(0, receiver.sum("fastsync.pushes", "zone=c"));
                assertEquals(0, receiver.sum("fastsync.pulls"));
                assertEquals(0.25, receiver.sum("fastsync.bytes"));
                assertEquals(-2, receiver.sum("fastsync.streams", "open=true"));
                assertEquals(0, receiver.sum("fastsync.streams", "open=false"));

                assertEquals(3, receiver.count("fastsync.push.duration"));
                assertEquals(2, receiver.count("fastsync.push.duration", "op=push"));
                assertEquals(1.75, receiver.histogramSum("fastsync.push.duration", "op=push"));
                assertEquals(5.75, receiver.histogramSum("fastsync.push.duration"));
                assertEquals(0, receiver.count("fastsync.pushes"), "a Sum is no histogram");
                assertEquals(0, receiver.sum("fastsync.push.duration"), "a Histogram is no Sum");

                assertEquals(
                        Set.of("fastsync.pushes", "fastsync.bytes", "fastsync.streams", "fastsync.push.duration"),
                        receiver.metricNames());
                assertEquals("s", receiver.unit("fastsync.push.duration"));
                assertEquals("", receiver.unit("fastsync.pushes"));
                assertNull(receiver.unit("fastsync.pulls"));
                assertEquals(List.of(), receiver.errors());
            }
        }
    }

    @Test
    void keepsTheLatestCumulativePointRatherThanAddingExports() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try (SdkMeterProvider meters = meters(receiver, "none", Duration.ofHours(1))) {
                Meter meter = meters.get("io.fastsync.test");
                LongCounter pushes = meter.counterBuilder("fastsync.pushes").build();
                DoubleHistogram durations =
                        meter.histogramBuilder("fastsync.push.duration").build();
                pushes.add(2, Attributes.builder().put("zone", "a").build());
                durations.record(1);
                flush(meters.forceFlush());
                assertEquals(2, receiver.sum("fastsync.pushes", "zone=a"));

                pushes.add(1, Attributes.builder().put("zone", "a").build());
                durations.record(2);
                flush(meters.forceFlush());
                flush(meters.forceFlush());

                assertEquals(3, receiver.sum("fastsync.pushes", "zone=a"));
                assertEquals(2, receiver.count("fastsync.push.duration"));
                assertEquals(3, receiver.histogramSum("fastsync.push.duration"));
            }
        }
    }

    @Test
    void awaitsWhatThePeriodicReaderExports() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try (SdkMeterProvider meters = meters(receiver, "gzip", Duration.ofMillis(100))) {
                Meter meter = meters.get("io.fastsync.test");
                meter.counterBuilder("fastsync.pushes")
                        .build()
                        .add(7, Attributes.builder().put("zone", "a").build());
                meter.histogramBuilder("fastsync.push.duration").build().record(0.5);

                receiver.awaitSum("fastsync.pushes", 7, WAIT, "zone=a");
                receiver.awaitCount("fastsync.push.duration", 1, WAIT);

                AssertionError sum = assertThrows(
                        AssertionError.class,
                        () -> receiver.awaitSum("fastsync.pushes", 8, Duration.ofMillis(300), "zone=a"));
                assertTrue(sum.getMessage().contains("last 7.0"), sum.getMessage());
                AssertionError count = assertThrows(
                        AssertionError.class,
                        () -> receiver.awaitCount("fastsync.push.duration", 2, Duration.ofMillis(300)));
                assertTrue(count.getMessage().contains("last 1"), count.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void keepsTheSpansThatTheSdkExports(String compression) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            SpanContext push;
            SpanContext write;
            try (SdkTracerProvider tracers = tracers(receiver, compression, Duration.ofHours(1))) {
                Tracer tracer = tracers.get("io.fastsync.test");
                io.opentelemetry.api.trace.Span parent = tracer.spanBuilder("push")
                        .setAttribute("zone", "a")
                        .setAttribute("objects", 3L)
                        .startSpan();
                Context inParent = Context.root().with(parent);
                io.opentelemetry.api.trace.Span first = tracer.spanBuilder("write")
                        .setParent(inParent)
                        .setAttribute("table", "objects")
                        .startSpan();
                first.setStatus(StatusCode.OK);
                first.end();
                io.opentelemetry.api.trace.Span second = tracer.spanBuilder("notify")
                        .setParent(inParent)
                        .setAttribute("sent", true)
                        .startSpan();
                second.setStatus(StatusCode.ERROR, "no listener");
                second.end();
                parent.end();
                push = parent.getSpanContext();
                write = first.getSpanContext();

                flush(tracers.forceFlush());
            }

            List<Span> spans = receiver.spans();
            assertEquals(
                    List.of("write", "notify", "push"),
                    spans.stream().map(Span::name).toList());
            Span root = spans.get(2);
            assertEquals(push.getTraceId(), root.traceId());
            assertEquals(push.getSpanId(), root.spanId());
            assertEquals("", root.parentSpanId());
            assertEquals(Map.of("zone", "a", "objects", "3"), root.attributes());
            assertEquals("UNSET", root.status());
            for (Span child : spans.subList(0, 2)) {
                assertEquals(root.traceId(), child.traceId());
                assertEquals(root.spanId(), child.parentSpanId());
            }
            assertEquals(write.getSpanId(), spans.get(0).spanId());
            assertEquals(Map.of("table", "objects"), spans.get(0).attributes());
            assertEquals("OK", spans.get(0).status());
            assertEquals(Map.of("sent", "true"), spans.get(1).attributes());
            assertEquals("ERROR", spans.get(1).status());
            assertEquals(32, root.traceId().length());
            assertEquals(16, root.spanId().length());
            assertEquals(List.of(), receiver.errors());
        }
    }

    @Test
    void awaitsSpansThatTheBatchProcessorExports() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try (SdkTracerProvider tracers = tracers(receiver, "gzip", Duration.ofMillis(100))) {
                Tracer tracer = tracers.get("io.fastsync.test");
                for (int i = 0; i < 3; i++) {
                    tracer.spanBuilder("pull")
                            .setAttribute("round", i)
                            .startSpan()
                            .end();
                }
                tracer.spanBuilder("push").startSpan().end();

                List<Span> pulls = receiver.awaitSpans(span -> span.name().equals("pull"), 3, WAIT);
                assertEquals(
                        Set.of("0", "1", "2"),
                        Set.copyOf(pulls.stream()
                                .map(span -> span.attributes().get("round"))
                                .toList()));

                AssertionError tooFew = assertThrows(
                        AssertionError.class,
                        () -> receiver.awaitSpans(span -> span.name().equals("push"), 2, Duration.ofMillis(300)));
                assertTrue(tooFew.getMessage().startsWith("1 matching spans"), tooFew.getMessage());
            }
        }
    }

    @Test
    void refusesAndRemembersWhatItCannotDecode() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            HttpResponse<String> garbage =
                    post(receiver, "/v1/metrics", null, "garbage".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, garbage.statusCode());
            HttpResponse<String> notGzip = post(receiver, "/v1/traces", "gzip", new byte[] {10, 0});
            assertEquals(400, notGzip.statusCode());
            HttpResponse<String> logs = post(receiver, "/v1/logs", null, new byte[0]);
            assertEquals(404, logs.statusCode());

            List<String> errors = receiver.errors();
            assertEquals(3, errors.size(), errors.toString());
            assertTrue(errors.get(0).startsWith("POST /v1/metrics: 400 "), errors.get(0));
            assertTrue(errors.get(1).startsWith("POST /v1/traces: 400 "), errors.get(1));
            assertTrue(errors.get(2).startsWith("POST /v1/logs: 404 "), errors.get(2));
            assertEquals(Set.of(), receiver.metricNames());
            assertEquals(List.of(), receiver.spans());
        }
    }

    @Test
    void inflatesOnlyWhatSaysItIsGzip() throws Exception {
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder()
                        .addScopeMetrics(ScopeMetrics.newBuilder()
                                .addMetrics(Metric.newBuilder()
                                        .setName("fastsync.pushes")
                                        .setUnit("{push}")
                                        .setSum(Sum.newBuilder()
                                                .addDataPoints(NumberDataPoint.newBuilder()
                                                        .setAsInt(41)
                                                        .addAttributes(KeyValue.newBuilder()
                                                                .setKey("zone")
                                                                .setValue(AnyValue.newBuilder()
                                                                        .setStringValue("a"))))))))
                .build();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            request.writeTo(gzip);
        }
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            HttpResponse<String> undeclared = post(receiver, "/v1/metrics", null, gzipped.toByteArray());
            assertEquals(400, undeclared.statusCode());
            assertEquals(0, receiver.sum("fastsync.pushes"));

            HttpResponse<String> declared = post(receiver, "/v1/metrics", "gzip", gzipped.toByteArray());
            assertEquals(200, declared.statusCode());
            assertEquals(
                    "application/x-protobuf",
                    declared.headers().firstValue("Content-Type").orElse(null));
            assertEquals("", declared.body());
            assertEquals(41, receiver.sum("fastsync.pushes", "zone=a"));
            assertEquals("{push}", receiver.unit("fastsync.pushes"));
            assertEquals(1, receiver.errors().size(), receiver.errors().toString());
        }
    }

    @Test
    void pointsAServerProcessAtItself() {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            URI endpoint = receiver.endpoint();
            assertEquals("http", endpoint.getScheme());
            assertEquals("127.0.0.1", endpoint.getHost());
            assertTrue(endpoint.getPort() > 0);
            assertEquals(
                    Map.of(
                            "OTEL_SDK_DISABLED", "false",
                            "OTEL_SERVICE_NAME", "fastsync",
                            "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.toString(),
                            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                            "OTEL_TRACES_EXPORTER", "otlp",
                            "OTEL_METRICS_EXPORTER", "otlp",
                            "OTEL_LOGS_EXPORTER", "none",
                            "OTEL_METRIC_EXPORT_INTERVAL", "500",
                            "OTEL_BSP_SCHEDULE_DELAY", "200"),
                    receiver.environment("fastsync"));
            assertFalse(receiver.environment(null).containsKey("OTEL_SERVICE_NAME"));
        }
    }

    private static SdkMeterProvider meters(OtlpReceiver receiver, String compression, Duration interval) {
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(receiver.endpoint() + "/v1/metrics")
                .setCompression(compression)
                .build();
        return SdkMeterProvider.builder()
                .registerMetricReader(PeriodicMetricReader.builder(exporter)
                        .setInterval(interval)
                        .build())
                .build();
    }

    private static SdkTracerProvider tracers(OtlpReceiver receiver, String compression, Duration delay) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(receiver.endpoint() + "/v1/traces")
                .setCompression(compression)
                .build();
        return SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(delay)
                        .build())
                .build();
    }

    /** Waits for an export and fails unless the receiver took it. */
    private static void flush(CompletableResultCode export) {
        assertTrue(export.join(10, TimeUnit.SECONDS).isSuccess(), "the receiver refused the export");
    }

    private static HttpResponse<String> post(OtlpReceiver receiver, String path, String encoding, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.endpoint().resolve(path))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
