package io.fastsync.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The standalone server as users run it: the built WAR on Payara Micro, in a process of its own. */
final class FastSyncServer implements AutoCloseable {

    private final Process process;
    final URI base;
    final String heap;
    final Path log;

    private FastSyncServer(Process process, URI base, String heap, Path log) {
        this.process = process;
        this.base = base;
        this.heap = heap;
        this.log = log;
    }

    /**
     * @param dir  where fastsync.war and payara-micro.jar are
     * @param heap the -Xmx value, e.g. 512m
     */
    /** @param options more JVM options, space-separated; may be empty */
    static FastSyncServer start(Path dir, Database db, String heap, String options) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("benchmark-server-" + heap + ".log");
        // The standalone server's connection write queue (bin/fastsync-server sets the same): a
        // stream that is not read holds 4 x 32 KiB of the heap before the server stops writing to it.
        // And this machine only, with no Hazelcast data grid, which Payara 7 starts on every
        // interface even with --nohazelcast.
        Path preboot = Files.writeString(
                dir.resolve("benchmark-preboot.asadmin"),
                "set configs.config.server-config.network-config.transports.transport.tcp"
                        + ".socket-write-buffer-size=32768\n"
                        + "set configs.config.server-config.network-config.network-listeners.network-listener"
                        + ".http-listener.address=127.0.0.1\n"
                        + "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false\n");
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("the benchmark starts Payara Micro 7, which needs Java 21 or later; this"
                    + " is Java " + Runtime.version().feature() + " (bin/fastsync-benchmark finds one)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                // one start-up thread: Payara 7's services can deadlock when started on several
                "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS"));
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of(
                "-jar",
                dir.resolve("payara-micro.jar").toString(),
                "--deploy",
                dir.resolve("fastsync.war").toString(),
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile",
                preboot.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("FASTSYNC_DB_URL", db.url);
        env.put("FASTSYNC_DB_USER", db.user);
        env.put("FASTSYNC_DB_PASSWORD", db.password);
        env.put("FASTSYNC_TYPES", Objects.TYPE);
        // Every subscriber of the benchmark comes from this machine's one address.
        env.put("FASTSYNC_CHANGES_MAX_PER_CALLER", "100000");
        // The idle-streams workload holds 10,000 streams at -Xmx512m, past the default for that heap.
        env.put("FASTSYNC_CHANGES_MAX_OPEN", "100000");
        env.put(
                "FASTSYNC_DATA_DIR",
                Files.createTempDirectory("fastsync-benchmark-data").toString());
        Process process = builder.start();
        FastSyncServer server =
                new FastSyncServer(process, URI.create("http://127.0.0.1:" + port + "/fastsync/"), heap, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(base.resolve("pull"))
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(Objects.pullBody("ready", 0, 1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not answer within 4 minutes; see " + log);
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
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // not Linux
        }
        return -1;
    }

    boolean logMentions(String text) throws IOException {
        return Files.readString(log).contains(text);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
