package io.fastsync.testsupport.server;

import io.fastsync.testsupport.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain of its own under the build directory, driven by {@code asadmin} as an
 * administrator would. It is created with a port base that is free on this machine, so it never
 * collides with domain1's 8080/4848 or with another server; the ports are base + 80 (HTTP) and
 * base + 48 (administration).
 */
public final class PayaraServerDomain implements AutoCloseable {

    private static final String NAME = "fastsync-system";
    /** Every port create-domain derives from the base: debug, IIOP, admin, Hazelcast, OSGi shell, JMS, HTTP, HTTPS, JMX. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final Path home;
    private final Path domains;
    private final Path asadminLog;
    private final int portBase;
    private boolean running;

    private PayaraServerDomain(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.asadminLog = domains.resolve("asadmin.log");
        this.portBase = portBase;
    }

    /** Creates the domain, replacing one a previous run left behind. */
    public static PayaraServerDomain create() {
        Path home = Path.of(System.getProperty("payara.home"));
        if (!Files.isExecutable(home.resolve("bin/asadmin"))) {
            throw new IllegalStateException(
                    "no Payara Server at " + home + " (the build unpacks it; system property payara.home)");
        }
        Path domains = Processes.buildDirectory().resolve("payara-domains");
        PayaraServerDomain domain = new PayaraServerDomain(home, domains, freePortBase());
        domain.removeLeftOver();
        domain.asadmin(
                Map.of(),
                "create-domain",
                "--nopassword",
                "--portbase",
                String.valueOf(domain.portBase),
                "--domaindir",
                domains.toString(),
                NAME);
        domain.startFaster();
        return domain;
    }

    /**
     * The test domain's JVM compiles with C1 only and collects with the serial collector: it
     * starts about twice as fast on a small machine, and the tests are short; its HTTP listeners
     * listen on 127.0.0.1. Everything else is the domain as {@code create-domain} makes it.
     */
    private void startFaster() {
        Path config = domains.resolve(NAME).resolve("config/domain.xml");
        try {
            String xml = Files.readString(config);
            String heap = "<jvm-options>-Xmx512m</jvm-options>";
            if (!xml.contains(heap)) {
                throw new IllegalStateException("unexpected domain.xml: no " + heap + " in " + config);
            }
            // The HTTP listeners answer on 127.0.0.1 only, as every test server does.
            String loopback = xml.replace(
                            "<network-listener protocol=\"http-listener-1\"",
                            "<network-listener address=\"127.0.0.1\" protocol=\"http-listener-1\"")
                    .replace(
                            "<network-listener protocol=\"http-listener-2\"",
                            "<network-listener address=\"127.0.0.1\" protocol=\"http-listener-2\"");
            Files.writeString(
                    config,
                    loopback.replace(
                            heap,
                            heap
                                    + "<jvm-options>-XX:TieredStopAtLevel=1</jvm-options><jvm-options>-XX:+UseSerialGC</jvm-options>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the address of the FastSync web module, ending in a slash */
    public URI base() {
        return URI.create("http://127.0.0.1:" + (portBase + 80) + "/fastsync/");
    }

    /** @return the domain's server log file */
    public Path serverLog() {
        return domains.resolve(NAME).resolve("logs/server.log");
    }

    /** @return the server log so far */
    public String log() {
        try {
            return Files.readString(serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the domain, its server process seeing exactly these FastSync environment variables,
     * and waits until a deployed FastSync answers; returns at once if nothing is deployed yet.
     */
    public void start(Map<String, String> fastSyncEnvironment, boolean deployed) {
        asadmin(fastSyncEnvironment, "start-domain", "--domaindir", domains.toString(), NAME);
        running = true;
        if (deployed) {
            Processes.awaitFastSync(base(), Duration.ofMinutes(4), () -> true, serverLog());
        }
    }

    /** Deploys an archive as is, as {@code asadmin deploy} does for any administrator, and waits until FastSync answers. */
    public Duration deploy(Path archive) {
        long started = System.nanoTime();
        asadmin(
                Map.of(),
                "--port",
                String.valueOf(portBase + 48),
                "deploy",
                archive.toAbsolutePath().toString());
        Processes.awaitFastSync(base(), Duration.ofMinutes(4), () -> true, serverLog());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the domain with {@code asadmin stop-domain}. */
    public void stop() {
        asadmin(Map.of(), "stop-domain", "--domaindir", domains.toString(), NAME);
        running = false;
    }

    /** Stops the domain and starts it again with these environment variables; waits for FastSync. */
    public void restart(Map<String, String> fastSyncEnvironment) {
        stop();
        start(fastSyncEnvironment, true);
    }

    @Override
    public void close() {
        if (running) {
            try {
                stop();
            } catch (RuntimeException e) {
                asadmin(Map.of(), "stop-domain", "--kill", "--domaindir", domains.toString(), NAME);
            }
        }
    }

    private void removeLeftOver() {
        Path dir = domains.resolve(NAME);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            asadmin(Map.of(), "stop-domain", "--kill", "--domaindir", domains.toString(), NAME);
        } catch (RuntimeException notRunning) {
            // the usual case: the previous run stopped it
        }
        Directories.delete(dir);
    }

    private void asadmin(Map<String, String> fastSyncEnvironment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(domains);
            long before = Files.exists(asadminLog) ? Files.size(asadminLog) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(asadminLog.toFile()));
            Processes.setFastSyncEnvironment(builder, fastSyncEnvironment);
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "asadmin " + String.join(" ", arguments) + " did not finish; see " + asadminLog);
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(asadminLog).substring((int) before);
                throw new IllegalStateException(
                        "asadmin " + String.join(" ", arguments) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 600);
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= Processes.isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("found no free range of 100 ports between 20000 and 60000 for the test domain");
    }
}
