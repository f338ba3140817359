package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.dartPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FastSyncSpans;
import io.fastsync.testsupport.OtlpReceiver;
import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone server's metrics and traces, as an operator gets them: {@code bin/fastsync-server}
 * with {@code OTEL_EXPORTER_OTLP_ENDPOINT} naming a collector, here an OTLP receiver the test runs.
 * Each row of the metrics table in {@code docs/operations.md} moves by what it should, and a push
 * and a pull leave a span each with one child per step.
 */
class TelemetryIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static OtlpReceiver collector;
    private static PayaraMicroServer server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        collector = OtlpReceiver.start();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "telemetry");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FASTSYNC_DATA_DIR", dir.resolve("data").toString());
        // A stream its client left is let go at the next heartbeat.
        env.put("FASTSYNC_CHANGES_HEARTBEAT_SECONDS", "1");
        // As an operator: the endpoint alone; bin/fastsync-server sets the rest, but the interval.
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint().toString());
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
        base = server.base();
        server.assertStartedClean(true, "a start that exports its telemetry warns of nothing else");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (collector != null) {
            collector.close();
        }
    }

    private static Http.Answer push(String body, String... headers) {
        return Http.post(base, "push", body, headers);
    }

    @Test
    void eachMetricOfTheTableMovesWithWhatTheServerDoes() throws Exception {
        // What other tests of the class left: each figure below is counted from here.
        collector.awaitFreshMetrics(WITHIN);
        long pushes = collector.count("fastsync.push.duration");
        long pulls = collector.count("fastsync.pull.duration");
        double objects = collector.histogramSum("fastsync.push.objects");
        double pulledObjects = collector.histogramSum("fastsync.pull.objects");
        double pageBytes = collector.histogramSum("fastsync.pull.size");
        double ended = collector.sum("fastsync.changes.ended", "reason=client");
        long lags = collector.count("fastsync.changes.lag");
        String z = "telemetry-" + UUID.randomUUID();
        String add = typeScriptPush("Item", z, typeScriptObject("Item", z, "m1", 0, 1000, 1722950000.0, "\"n\": 1"));
        assertEquals(200, push(add).status());
        // 1001: a version m1 never had, so a conflict that last-writer-wins gives the client
        String edit = typeScriptPush("Item", z, typeScriptObject("Item", z, "m1", 1, 1001, 1722950001.0, "\"n\": 2"));
        assertEquals(200, push(edit).status());
        assertEquals(200, push(edit).status()); // a keyless retry
        String keyed = typeScriptPush(
                "Item",
                z,
                typeScriptObject("Item", z, "m2", 0, 1000, 1722950000.0, "\"n\": 3"),
                typeScriptObject("Item", z, "m3", 0, 1000, 1722950000.0, "\"n\": 4"));
        String key = UUID.randomUUID().toString();
        assertEquals(200, push(keyed, "Idempotency-Key", key).status());
        assertEquals(200, push(keyed, "Idempotency-Key", key).status());
        assertEquals(400, push("{").status());
        assertEquals(200, Http.post(base, "pull", dartPull("Item", z, 0)).status());

        collector.awaitCount("fastsync.push.duration", pushes + 5, WITHIN);
        collector.awaitCount("fastsync.pull.duration", pulls + 1, WITHIN);
        assertEquals(pushes + 5, collector.count("fastsync.push.objects"));
        assertEquals(objects + 1 + 1 + 1 + 2 + 2, collector.histogramSum("fastsync.push.objects"), 1e-9);
        assertEquals(pushes + 5, collector.count("fastsync.push.lock_wait"));
        assertEquals(1, collector.sum("fastsync.conflicts", "type=Item", "strategy=last-writer-wins", "winner=client"));
        assertEquals(1, collector.sum("fastsync.replays", "kind=keyed"));
        assertEquals(1, collector.sum("fastsync.replays", "kind=keyless"));
        assertEquals(1, collector.sum("fastsync.refusals", "code=malformed-json"));
        assertEquals(pulledObjects + 3, collector.histogramSum("fastsync.pull.objects"), 1e-9);
        assertEquals(pulls + 1, collector.count("fastsync.pull.size"));
        double bytes = collector.histogramSum("fastsync.pull.size") - pageBytes;
        assertTrue(bytes > 100 && bytes < 10_000, "bytes of the page: " + bytes);

        // A delete, and the purge of its tombstone through the admin API.
        String gone = "telemetry-" + UUID.randomUUID();
        assertEquals(
                200,
                push(typeScriptPush("Item", gone, typeScriptObject("Item", gone, "g1", 0, 1000, "\"n\": 1")))
                        .status());
        assertEquals(200, Http.post(base, "pull", dartPull("Item", gone, 0)).status());
        assertEquals(
                200,
                push(typeScriptPush("Item", gone, typeScriptObject("Item", gone, "g1", 2, 2, "\"n\": 1")))
                        .status());
        Http.Answer purged = Http.post(base, "admin/tombstones/purge?olderThanDays=0", "");
        assertEquals(200, purged.status(), String.valueOf(purged.body()));
        assertTrue(purged.body().getInt("purged") >= 1, purged.body().toString());
        collector.awaitSum("fastsync.tombstones.purged", purged.body().getInt("purged"), WITHIN);

        // A change stream, open and then left.
        try (ChangeStream stream = ChangeStream.open(base, ChangeStream.cursor("Item", z, 0))) {
            assertEquals(200, stream.status());
            collector.awaitSum("fastsync.changes.open", 1, WITHIN);
        }
        collector.awaitSum("fastsync.changes.open", 0, WITHIN);
        collector.awaitSum("fastsync.changes.ended", ended + 1, WITHIN, "reason=client");
        collector.awaitCount("fastsync.changes.lag", lags + 1, WITHIN);

        // Every instrument of the table has been exported, with the table's unit.
        Map<String, String> table = instrumentsOfTheTable();
        for (String name : List.of(
                "fastsync.push.duration",
                "fastsync.push.objects",
                "fastsync.push.lock_wait",
                "fastsync.conflicts",
                "fastsync.replays",
                "fastsync.pull.duration",
                "fastsync.pull.objects",
                "fastsync.pull.size",
                "fastsync.refusals",
                "fastsync.tombstones.purged",
                "fastsync.changes.open",
                "fastsync.changes.ended",
                "fastsync.changes.lag")) {
            assertEquals(table.get(name), collector.unit(name), name + "'s unit");
        }
        assertTrue(
                table.keySet()
                        .containsAll(collector.metricNames().stream()
                                .filter(n -> n.startsWith("fastsync."))
                                .collect(Collectors.toSet())),
                "every exported instrument is in the table: " + collector.metricNames());
        assertEquals(List.of(), collector.errors());
    }

    @Test
    void aPushAndAPullLeaveASpanEachWithOneChildPerStep() {
        String z = "traced-" + UUID.randomUUID();
        assertEquals(
                200,
                push(typeScriptPush("Item", z, typeScriptObject("Item", z, "t1", 0, 1000, 1722950000.0, "\"n\": 1")))
                        .status());
        assertEquals(200, Http.post(base, "pull", dartPull("Item", z, 0)).status());

        OtlpReceiver.Span push = FastSyncSpans.appliedPush(collector, 1, WITHIN);
        assertEquals("Item", push.attributes().get("fastsync.types"));
        assertFalse(push.parentSpanId().isEmpty(), "under the server's span of the request");
        assertEquals(FastSyncSpans.PUSH_STEPS, collector.awaitChildrenOf(push, 6, WITHIN));
        OtlpReceiver.Span pull = collector
                .awaitSpans(
                        s -> s.name().equals("fastsync.pull")
                                && "1".equals(s.attributes().get("fastsync.objects")),
                        1,
                        WITHIN)
                .get(0);
        assertEquals(FastSyncSpans.PULL_STEPS, collector.awaitChildrenOf(pull, 4, WITHIN));
        for (OtlpReceiver.Span s : collector.spans()) {
            assertFalse(s.attributes().toString().contains(z), "no span names the zone: " + s);
        }
    }

    /** @return each instrument of the metrics table in docs/operations.md, with its unit */
    private static Map<String, String> instrumentsOfTheTable() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("fastsync.root"), "docs", "operations.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(fastsync\\.[a-z_.]+)` \\| [a-z -]+, `([^`]+)` \\|")
                .matcher(doc);
        Map<String, String> units = new LinkedHashMap<>();
        while (row.find()) {
            units.put(row.group(1), row.group(2));
        }
        assertEquals(14, units.size(), "the table's rows: " + units);
        return units;
    }
}
