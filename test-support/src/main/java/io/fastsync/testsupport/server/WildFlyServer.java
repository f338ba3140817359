package io.fastsync.testsupport.server;

import io.fastsync.testsupport.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly server of its own: a copy of the distribution's {@code standalone} directory under
 * the build directory, with the WAR in its {@code deployments}, started by {@code standalone.sh}
 * as an administrator would, on 127.0.0.1 and at a port offset that is free on this machine.
 */
public final class WildFlyServer implements AutoCloseable {

    /** The ports of standalone.xml before the offset: HTTP, HTTPS, management HTTP and HTTPS. */
    private static final int[] PORTS = {8080, 8443, 9990, 9993};

    private final Path home;
    private final Path baseDir;
    private final int offset;
    private Process process;

    private WildFlyServer(Path home, Path baseDir, int offset) {
        this.home = home;
        this.baseDir = baseDir;
        this.offset = offset;
    }

    /** Prepares a server with this archive deployed as {@code fastsync.war}, replacing one a previous run left behind. */
    public static WildFlyServer withDeployment(Path war) {
        Path home = Path.of(System.getProperty("wildfly.home"));
        if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(
                    "no WildFly at " + home + " (the build unpacks it; system property wildfly.home)");
        }
        Path baseDir = Processes.buildDirectory().resolve("wildfly-base");
        Directories.delete(baseDir);
        copyTree(home.resolve("standalone"), baseDir);
        try {
            Files.copy(war, baseDir.resolve("deployments/fastsync.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WildFlyServer server = new WildFlyServer(home, baseDir, freeOffset());
        server.addHealthAndTelemetry();
        return server;
    }

    /**
     * Adds MicroProfile Health and MicroProfile Telemetry to {@code standalone.xml}, which lacks
     * them, with the CLI operations {@code docs/deploying.md} gives, run on the embedded (stopped)
     * server.
     */
    private void addHealthAndTelemetry() {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        home.resolve("bin/jboss-cli.sh").toString(),
                        "-Djboss.server.base.dir=" + baseDir,
                        "--commands=embed-server --server-config=standalone.xml,"
                                + "/extension=org.wildfly.extension.microprofile.health-smallrye:add,"
                                + "/subsystem=microprofile-health-smallrye:add(security-enabled=false),"
                                + "/extension=org.wildfly.extension.opentelemetry:add,"
                                + "/subsystem=opentelemetry:add,"
                                + "/extension=org.wildfly.extension.microprofile.telemetry:add,"
                                + "/subsystem=microprofile-telemetry:add,"
                                + "stop-embedded-server"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        baseDir.resolve("cli.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process cli = builder.start();
            if (!cli.waitFor(2, TimeUnit.MINUTES) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IllegalStateException(
                        "jboss-cli could not add MicroProfile Health and Telemetry; see " + baseDir.resolve("cli.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the address of the FastSync endpoints, ending in a slash */
    public URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + offset) + "/fastsync/");
    }

    /** @return the address of WildFly's management interface, where it serves health, ending in a slash */
    public URI management() {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + "/");
    }

    /** @return the server's own log file, {@code log/server.log} under its base directory */
    public Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    /** @return the server log so far */
    public String log() {
        try {
            return Files.exists(serverLog()) ? Files.readString(serverLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server, its process seeing exactly these FastSync environment variables, and waits until FastSync answers. */
    public void start(Map<String, String> fastSyncEnvironment) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + baseDir,
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        "-Djboss.socket.binding.port-offset=" + offset))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        baseDir.resolve("console.log").toFile()));
        Processes.setFastSyncEnvironment(builder, fastSyncEnvironment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // standalone.sh then passes a TERM on to the server, which shuts down cleanly.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Processes.awaitFastSync(base(), Duration.ofMinutes(3), started::isAlive, serverLog());
    }

    /** Shuts the server down cleanly (TERM), as a service manager would. */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process = null;
        }
    }

    /** Stops the server cleanly and starts it again with these environment variables; waits for FastSync. */
    public void restart(Map<String, String> fastSyncEnvironment) {
        stop();
        start(fastSyncEnvironment);
    }

    @Override
    public void close() {
        stop();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 500) * 100;
            boolean free = true;
            for (int port : PORTS) {
                free &= Processes.isFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("found no free port offset for the WildFly server");
    }
}
