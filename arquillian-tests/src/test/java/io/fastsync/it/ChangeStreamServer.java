package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standalone server of the change-stream suites, with the database it runs on (closed with
 * it), heartbeats every second, and its metrics read as a test waits for a state.
 */
final class ChangeStreamServer implements AutoCloseable {

    private final ServerProcess process;
    private final AutoCloseable database;

    private ChangeStreamServer(ServerProcess process, AutoCloseable database) {
        this.process = process;
        this.database = database;
    }

    /**
     * @param environment the database's and the suite's settings
     * @param database    closed after the server stops; may be null
     */
    static ChangeStreamServer start(String name, Map<String, String> environment, AutoCloseable database)
            throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("FASTSYNC_DATA_DIR", dir.resolve("data").toString());
        env.put("FASTSYNC_CHANGES_HEARTBEAT_SECONDS", "1");
        return new ChangeStreamServer(new ServerProcess(env, dir.resolve("server.log")).start(), database);
    }

    URI base() {
        return process.base();
    }

    ServerProcess process() {
        return process;
    }

    /** @return the sum of the application metric's samples whose line starts with {@code prefix} and has every label */
    double metric(String prefix, String... labels) {
        return Http.metric(base(), prefix, labels);
    }

    /** Waits until the metric has the value, and fails if it has not within the time. */
    void awaitMetric(String prefix, double value, Duration within, String... labels) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        double now = metric(prefix, labels);
        while (now != value && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = metric(prefix, labels);
        }
        assertEquals(value, now, prefix + Arrays.toString(labels));
    }

    /** Waits until the server holds no change stream: those of the tests before have ended. */
    void awaitNoStreams() throws InterruptedException {
        awaitMetric("fastsync_changes_open{", 0, Duration.ofSeconds(60));
    }

    @Override
    public void close() throws Exception {
        process.stop();
        if (database != null) {
            database.close();
        }
    }
}
