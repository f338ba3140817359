package io.fastsync.system;

import io.fastsync.testsupport.OtlpReceiver;
import io.fastsync.testsupport.server.PayaraMicroServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standalone server of the change-stream suites, with the database it runs on (closed with
 * it), heartbeats every second, and its metrics, exported to a receiver of the test's every half
 * second, read as a test waits for a state.
 */
final class ChangeStreamServer implements AutoCloseable {

    private final PayaraMicroServer process;
    private final AutoCloseable database;
    private final OtlpReceiver telemetry;

    private ChangeStreamServer(PayaraMicroServer process, AutoCloseable database, OtlpReceiver telemetry) {
        this.process = process;
        this.database = database;
        this.telemetry = telemetry;
    }

    /**
     * @param environment the database's and the suite's settings
     * @param database    closed after the server stops; may be null
     */
    static ChangeStreamServer start(String name, Map<String, String> environment, AutoCloseable database)
            throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name);
        OtlpReceiver telemetry = OtlpReceiver.start();
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("FASTSYNC_DATA_DIR", dir.resolve("data").toString());
        env.put("FASTSYNC_CHANGES_HEARTBEAT_SECONDS", "1");
        env.putAll(telemetry.environment("fastsync-" + name));
        return new ChangeStreamServer(
                new PayaraMicroServer(env, dir.resolve("server.log")).start(), database, telemetry);
    }

    URI base() {
        return process.base();
    }

    PayaraMicroServer process() {
        return process;
    }

    /**
     * @param attributes {@code key=value} pairs
     * @return the metric's sum over the points with those attributes, as exported after this call began
     */
    double metric(String name, String... attributes) {
        telemetry.awaitFreshMetrics(Duration.ofSeconds(30));
        return telemetry.sum(name, attributes);
    }

    /** @return the metric's sum as last exported (at most an export interval old), without waiting */
    double lastExported(String name, String... attributes) {
        return telemetry.sum(name, attributes);
    }

    /** Waits until the metric has the value, and fails if it has not within the time. */
    void awaitMetric(String name, double value, Duration within, String... attributes) {
        telemetry.awaitFreshMetrics(Duration.ofSeconds(30));
        telemetry.awaitSum(name, value, within, attributes);
    }

    /** Waits until the server holds no change stream: those of the tests before have ended. */
    void awaitNoStreams() {
        awaitMetric("fastsync.changes.open", 0, Duration.ofSeconds(60));
    }

    @Override
    public void close() throws Exception {
        process.stop();
        telemetry.close();
        if (database != null) {
            database.close();
        }
    }
}
