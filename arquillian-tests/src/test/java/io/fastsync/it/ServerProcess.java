package io.fastsync.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro in a process of its own, started the way {@code bin/fastsync-server}
 * starts it, with the environment given; one port and one log file across restarts.
 */
final class ServerProcess {

    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private long logStart;

    ServerProcess(Map<String, String> environment, Path log) {
        this.environment = Map.copyOf(environment);
        this.log = log;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the FastSync base, {@code http://127.0.0.1:PORT/fastsync/} */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fastsync/");
    }

    /** Starts the server and waits until Payara Micro says it is ready. */
    ServerProcess start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", System.getProperty("payara.microJar"),
                "--deploy", new File(System.getProperty("fastsync.war")).getAbsolutePath(), "--port", String.valueOf(port),
                "--nocluster", "--nohazelcast", "--disablephonehome")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        logStart = Files.exists(log) ? Files.size(log) : 0;
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String output = logOfThisRun();
            if (output.contains(" ready in ")) {
                return this;
            }
            if (!process.isAlive() || output.contains("Exception while loading the app")) {
                break;
            }
            Thread.sleep(200);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the server did not start; its log: " + log);
    }

    /** @return what the server printed since it was last started */
    String logOfThisRun() throws IOException {
        String all = Files.readString(log);
        return all.length() > logStart ? all.substring((int) logStart) : "";
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing the server can do about it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived SIGKILL");
        }
    }

    /** A clean stop, as Ctrl-C would do. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
