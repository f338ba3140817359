package io.fastsync.benchmark;

import io.fastsync.testsupport.server.PayaraMicroServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standalone server as users run it: the built WAR on Payara Micro, in a process of its own,
 * started by test-support's {@link PayaraMicroServer} with the benchmark's heap, JVM options and
 * settings; and what the benchmark reads of it (its memory, its log).
 */
final class FastSyncServer implements AutoCloseable {

    private final PayaraMicroServer server;
    final URI base;
    final String heap;
    final Path log;

    private FastSyncServer(PayaraMicroServer server, String heap, Path log) {
        this.server = server;
        this.base = server.base();
        this.heap = heap;
        this.log = log;
    }

    /**
     * Starts the server and waits until FastSync answers.
     *
     * @param dir     where fastsync.war and payara-micro.jar are
     * @param heap    the -Xmx value, e.g. 512m
     * @param options more JVM options, space-separated; may be empty
     */
    static FastSyncServer start(Path dir, Database db, String heap, String options) throws Exception {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("the benchmark starts Payara Micro 7, which needs Java 21 or later; this"
                    + " is Java " + Runtime.version().feature() + " (bin/fastsync-benchmark finds one)");
        }
        Path log = dir.resolve("benchmark-server-" + heap + ".log");
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                jvm.add(option);
            }
        }
        PayaraMicroServer server = PayaraMicroServer.deploying(
                        dir.resolve("payara-micro.jar"), dir.resolve("fastsync.war"), log)
                .withJvmOptions(jvm)
                // The standalone server's connection write queue (bin/fastsync-server sets the same): a
                // stream that is not read holds 4 x 32 KiB of the heap before the server stops writing to it.
                .withPrebootCommand("set configs.config.server-config.network-config.transports.transport.tcp"
                        + ".socket-write-buffer-size=32768")
                .withStartTimeout(Duration.ofMinutes(4));
        server.start(Map.of(
                "FASTSYNC_DB_URL", db.url,
                "FASTSYNC_DB_USER", db.user,
                "FASTSYNC_DB_PASSWORD", db.password,
                "FASTSYNC_TYPES", Objects.TYPE,
                // Every subscriber of the benchmark comes from this machine's one address.
                "FASTSYNC_CHANGES_MAX_PER_CALLER", "100000",
                // The idle-streams workload holds 10,000 streams at -Xmx512m, past the default for that heap.
                "FASTSYNC_CHANGES_MAX_OPEN", "100000",
                "FASTSYNC_DATA_DIR",
                        Files.createTempDirectory("fastsync-benchmark-data").toString()));
        return new FastSyncServer(server, heap, log);
    }

    /** @return the server process's peak resident memory, from /proc, in MiB; -1 where unknown */
    long residentMiB() {
        return status("VmHWM:");
    }

    /** @return the server process's resident memory now, from /proc, in MiB; -1 where unknown */
    long residentNowMiB() {
        return status("VmRSS:");
    }

    /** @return a field of /proc/PID/status given in kB, in MiB; -1 where unknown */
    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // not Linux
        }
        return -1;
    }

    /** @return whether the server's log of this run holds the text */
    boolean logMentions(String text) {
        return server.logOfThisRun().contains(text);
    }

    @Override
    public void close() {
        server.close();
    }
}
