package io.fastsync.testsupport.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro in a process of its own, on a port that was free, with one log file
 * and the same port across restarts. Started either by {@code bin/fastsync-server}, as a user runs
 * the standalone server ({@link #PayaraMicroServer(Map, Path)}; ready when the launcher logs
 * {@link #READY}), or by {@code java -jar payara-micro.jar --deploy} with a WAR ({@link #deploying};
 * ready when FastSync answers over HTTP). Either way Payara Micro starts its services on one thread
 * ({@code -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS}: on several, Payara 7's services can
 * deadlock) and without Hazelcast, and listens on 127.0.0.1 only. The process sees no
 * {@code FASTSYNC_*} or {@code MP_JWT_*} variable of the developer's shell, only the environment
 * given.
 */
public final class PayaraMicroServer implements AutoCloseable {

    /** The launcher's line once the application is deployed: {@code io.fastsync.launcher.Launch#READY}. */
    public static final String READY = "FastSync is ready";

    /** The JVM options of a test server: a small heap, C1 only and the serial collector, for a fast start. */
    private static final List<String> TEST_JVM_OPTIONS =
            List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Null when started by {@code bin/fastsync-server}. */
    private final Path microJar;

    private final Path war;
    private final Path log;
    private final int port;
    private final List<String> prebootCommands = new ArrayList<>(List.of(
            // This machine only, and no Hazelcast data grid, which Payara 7 starts on every interface
            // even with --nohazelcast.
            "set configs.config.server-config.network-config.network-listeners.network-listener"
                    + ".http-listener.address=127.0.0.1",
            "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false"));
    private Map<String, String> environment;
    private List<String> jvmOptions = TEST_JVM_OPTIONS;
    private Duration startTimeout = Duration.ofMinutes(3);
    private Process process;
    private long logStart;

    /**
     * A server that {@code bin/fastsync-server} starts with this environment (and a data directory
     * {@code data} beside the log unless the environment names one), the WAR, Payara Micro and the
     * launcher named by the system properties {@code fastsync.war}, {@code payara.microJar} and
     * {@code fastsync.launcherJar}, the script under {@code fastsync.root}.
     */
    public PayaraMicroServer(Map<String, String> environment, Path log) {
        this(null, null, environment, log);
    }

    private PayaraMicroServer(Path microJar, Path war, Map<String, String> environment, Path log) {
        this.microJar = microJar;
        this.war = war;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.port = Processes.freePort();
    }

    /**
     * A server that {@code java -jar payara-micro.jar --deploy war} starts, with no environment
     * until {@link #start(Map)} gives one.
     */
    public static PayaraMicroServer deploying(Path microJar, Path war, Path log) {
        return new PayaraMicroServer(microJar, war, Map.of(), log);
    }

    /** @return the environment that points the server at a PostgreSQL database by URL alone (the driver follows) */
    public static Map<String, String> onPostgres(String url, String user, String password) {
        return Map.of("FASTSYNC_DB_URL", url, "FASTSYNC_DB_USER", user, "FASTSYNC_DB_PASSWORD", password);
    }

    /**
     * Replaces the test JVM options ({@code -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}),
     * for a server that is measured rather than tested.
     */
    public PayaraMicroServer withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /** Adds an {@code asadmin} command to the pre-boot file; for a server {@link #deploying} a WAR only. */
    public PayaraMicroServer withPrebootCommand(String command) {
        if (microJar == null) {
            throw new IllegalStateException("bin/fastsync-server writes its own pre-boot commands");
        }
        prebootCommands.add(command);
        return this;
    }

    /** Sets how long a start may take before it fails (3 minutes unless set). */
    public PayaraMicroServer withStartTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /** @return the FastSync base, {@code http://127.0.0.1:PORT/fastsync/} */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fastsync/");
    }

    /** @return the process id of the running server (the JVM that runs Payara Micro) */
    public long pid() {
        return process.pid();
    }

    /** Starts the server with the environment it has and waits until it is ready (see the class). */
    public PayaraMicroServer start() {
        launch();
        if (microJar != null) {
            Processes.awaitFastSync(base(), startTimeout, process::isAlive, log);
            return this;
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (logOfThisRun().contains(READY)) {
                    return this;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the server did not start; its log: " + log);
    }

    /** Starts the server with exactly these FastSync environment variables, from now on, and waits until it is ready. */
    public PayaraMicroServer start(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return start();
    }

    /**
     * Starts a server that is expected not to come up, and waits for its process to end.
     *
     * @return the exit status
     */
    public int startAndAwaitExit() {
        launch();
        try {
            if (!process.waitFor(startTimeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the server is still running; its log: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    private void launch() {
        ProcessBuilder builder = microJar == null ? byLauncher() : byJar();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            logStart = Files.exists(log) ? Files.size(log) : 0;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessBuilder byLauncher() {
        Path launcher = Path.of(System.getProperty("fastsync.root"), "bin", "fastsync-server");
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString());
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("FASTSYNC_WAR", new File(System.getProperty("fastsync.war")).getAbsolutePath());
        env.put("FASTSYNC_MICRO_JAR", new File(System.getProperty("payara.microJar")).getAbsolutePath());
        env.put("FASTSYNC_LAUNCHER_JAR", new File(System.getProperty("fastsync.launcherJar")).getAbsolutePath());
        env.put("FASTSYNC_HTTP_PORT", String.valueOf(port));
        // Every test server serves this machine only, token mode too.
        env.put("FASTSYNC_HTTP_ADDRESS", "127.0.0.1");
        env.put("FASTSYNC_JAVA_OPTS", String.join(" ", jvmOptions));
        env.put("FASTSYNC_DATA_DIR", log.getParent().resolve("data").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        env.putAll(environment);
        Processes.setFastSyncEnvironment(builder, env);
        return builder;
    }

    private ProcessBuilder byJar() {
        Path preboot = log.resolveSibling(log.getFileName() + ".preboot.asadmin");
        try {
            Files.writeString(preboot, String.join("\n", prebootCommands) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // one start-up thread: Payara 7's services can deadlock when started on several
        command.add("-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS");
        command.addAll(List.of(
                "-jar",
                microJar.toAbsolutePath().toString(),
                "--deploy",
                war.toAbsolutePath().toString(),
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile",
                preboot.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Processes.setFastSyncEnvironment(builder, environment);
        return builder;
    }

    /**
     * @return the local addresses ({@code ip:port}) of the server process's listening TCP sockets,
     *         read from {@code /proc}: its sockets' inodes, looked up in the kernel's socket tables
     */
    public List<String> listeningAddresses() throws IOException {
        return socketsIn("0A");
    }

    /** @return the local addresses of the server process's TCP connections that its client closed and it did not */
    public List<String> closeWaitSockets() throws IOException {
        return socketsIn("08");
    }

    /** @param state the kernel's TCP state, as {@code /proc/net/tcp} writes it ({@code 0A} listening, {@code 08} close-wait) */
    private List<String> socketsIn(String state) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            Path file = Path.of("/proc", String.valueOf(process.pid()), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // f[1] local address (hex ip:port), f[3] state, f[9] inode
                if (f.length > 9 && f[3].equals(state) && inodes.contains(f[9])) {
                    listening.add(decode(f[1]));
                }
            }
        }
        return listening;
    }

    /** @return {@code /proc/net/tcp}'s hex address as text: IPv4 and IPv6 in the kernel's byte order */
    private static String decode(String hex) {
        String[] parts = hex.split(":");
        byte[] raw = new byte[parts[0].length() / 2];
        // Each 32-bit word is in host (little-endian) order.
        for (int word = 0; word < raw.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                raw[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(raw).getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the server output so far, over all starts */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what the server printed since it was last started */
    public String logOfThisRun() {
        String all = log();
        return all.length() > logStart ? all.substring((int) logStart) : "";
    }

    /** @return the lines of this run's log at WARNING or SEVERE, every one of them */
    public List<String> warningsOfThisRun() {
        return logOfThisRun()
                .lines()
                .filter(l -> l.contains("[WARNING]") || l.contains("[SEVERE]"))
                .toList();
    }

    /**
     * Asserts that this run logged no warning, but in trust mode the one warning that says what
     * trust mode means, which an operator must see.
     *
     * @throws AssertionError naming {@code what} and the warnings otherwise
     */
    public void assertStartedClean(boolean trustMode, String what) {
        List<String> warnings = warningsOfThisRun();
        if (trustMode) {
            if (warnings.size() != 1) {
                throw new AssertionError(what + ": expected the one trust-mode warning, got " + warnings);
            }
            if (!warnings.get(0).contains("FastSync trusts the zone named in each request")) {
                throw new AssertionError(what + ": " + warnings);
            }
        } else if (!warnings.isEmpty()) {
            throw new AssertionError(what + ": expected no warning, got " + warnings);
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing the server can do about it. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clean stop, as Ctrl-C would do; nothing if the server does not run. */
    public void stop() {
        if (process == null || !process.isAlive()) {
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
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
