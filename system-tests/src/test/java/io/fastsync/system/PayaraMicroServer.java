package io.fastsync.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built WAR on Payara Micro, started the way {@code bin/fastsync-server} starts it, on a free port. */
final class PayaraMicroServer implements AutoCloseable {

    private final Path war;
    private final Path log;
    private final int port;
    private Process process;

    PayaraMicroServer(Path war, Path log) {
        this.war = war;
        this.log = log;
        this.port = Processes.freePort();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fastsync/");
    }

    /** @return the server output so far, over all starts */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server with exactly these FastSync environment variables and waits until FastSync answers. */
    void start(Map<String, String> fastSyncEnvironment) {
        // This machine only, and no Hazelcast data grid, which Payara 7 starts on every interface
        // even with --nohazelcast.
        Path preboot = log.resolveSibling("payara-micro-preboot.asadmin");
        try {
            Files.writeString(
                    preboot,
                    "set configs.config.server-config.network-config.network-listeners.network-listener"
                            + ".http-listener.address=127.0.0.1\n"
                            + "set configs.config.server-config.hazelcast-config-specific-configuration"
                            + ".enabled=false\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        // one start-up thread: Payara 7's services can deadlock when started on several
                        "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS",
                        "-jar",
                        System.getProperty("payara.microJar"),
                        "--deploy",
                        war.toAbsolutePath().toString(),
                        "--port",
                        String.valueOf(port),
                        "--nocluster",
                        "--nohazelcast",
                        "--disablephonehome",
                        "--prebootcommandfile",
                        preboot.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Processes.setFastSyncEnvironment(builder, fastSyncEnvironment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.awaitFastSync(base(), Duration.ofMinutes(3), process::isAlive, log);
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
