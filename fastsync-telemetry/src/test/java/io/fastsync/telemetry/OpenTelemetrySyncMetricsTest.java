package io.fastsync.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.metrics.Traced;
import io.fastsync.wire.ConflictWinner;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenTelemetrySyncMetricsTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySyncMetrics metrics = new OpenTelemetrySyncMetrics(OpenTelemetrySdk.builder()
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(reader).build())
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build());

    private Map<String, MetricData> collected() {
        return reader.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName, Function.identity()));
    }

    @Test
    void eachEventMovesItsInstrumentWithItsUnitAndAttributes() {
        metrics.pushed(Duration.ofMillis(20), 3);
        metrics.conflict("Item", "last-writer-wins", ConflictWinner.CLIENT);
        metrics.refused("malformed-json");
        metrics.streamOpened();
        metrics.streamOpened();
        metrics.streamEnded("too-slow");
        metrics.changeTold(Duration.ofMillis(5));

        Map<String, MetricData> m = collected();
        var push = m.get("fastsync.push.duration");
        assertEquals("s", push.getUnit());
        assertEquals(0.02, push.getHistogramData().getPoints().iterator().next().getSum(), 1e-9);
        assertEquals(
                3,
                m.get("fastsync.push.objects")
                        .getHistogramData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getSum(),
                1e-9);
        var conflict = m.get("fastsync.conflicts")
                .getLongSumData()
                .getPoints()
                .iterator()
                .next();
        assertEquals(1, conflict.getValue());
        assertEquals("client", conflict.getAttributes().get(AttributeKey.stringKey("winner")));
        assertEquals("Item", conflict.getAttributes().get(AttributeKey.stringKey("type")));
        assertEquals(
                "malformed-json",
                m.get("fastsync.refusals")
                        .getLongSumData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getAttributes()
                        .get(AttributeKey.stringKey("code")));
        assertEquals(
                1,
                m.get("fastsync.changes.open")
                        .getLongSumData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getValue());
        assertEquals(
                1,
                m.get("fastsync.changes.lag")
                        .getHistogramData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getCount());
    }

    @Test
    void stepsAreChildrenOfTheirOperationAndAFailureMarksBoth() {
        try (Traced push = metrics.begin("fastsync.push")) {
            push.attribute("fastsync.types", "Item");
            assertEquals("v", Traced.step(metrics, "fastsync.push.validate", () -> "v"));
            RuntimeException refused = new IllegalArgumentException("zone 'secret' is not yours");
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Traced.step(metrics, "fastsync.push.lock", () -> {
                        throw refused;
                    }));
            push.failed(refused);
        }
        List<SpanData> ended = spans.getFinishedSpanItems();
        Map<String, SpanData> byName = ended.stream().collect(Collectors.toMap(SpanData::getName, s -> s));
        SpanData push = byName.get("fastsync.push");
        assertEquals(push.getSpanId(), byName.get("fastsync.push.validate").getParentSpanId());
        assertEquals(push.getSpanId(), byName.get("fastsync.push.lock").getParentSpanId());
        assertEquals(
                StatusCode.ERROR, byName.get("fastsync.push.lock").getStatus().getStatusCode());
        assertEquals(StatusCode.ERROR, push.getStatus().getStatusCode());
        assertEquals("Item", push.getAttributes().get(AttributeKey.stringKey("fastsync.types")));
        // Never the exception's message, which may name a zone.
        ended.forEach(
                s -> assertEquals(false, s.toString().contains("secret"), s.getName() + " carries the message: " + s));
    }
}
