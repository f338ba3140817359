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
 * The built WAR on Payara Micro in a process of its own, started by {@code bin/fastsync-server} with
 * the environment given (and a data directory of its own unless that names one); one port and one
 * log file across restarts.
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

    /** @return the environment that points the server at a PostgreSQL database by URL alone (the driver follows) */
    static Map<String, String> onPostgres(String url, String user, String password) {
        return Map.of("FASTSYNC_DB_URL", url, "FASTSYNC_DB_USER", user, "FASTSYNC_DB_PASSWORD", password);
    }

    /** @return the FastSync base, {@code http://127.0.0.1:PORT/fastsync/} */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/fastsync/");
    }

    /** Starts the server and waits until the launcher says FastSync is ready. */
    ServerProcess start() throws IOException, InterruptedException {
        launch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
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
        throw new IllegalStateException("the server did not start; its log: " + log);
    }

    /** The launcher's line once the application is deployed: {@code io.fastsync.launcher.Launch#READY}. */
    static final String READY = "FastSync is ready";

    /**
     * Starts a server that is expected not to come up, and waits for its process to end.
     *
     * @return the exit status
     */
    int startAndAwaitExit() throws IOException, InterruptedException {
        launch();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server is still running; its log: " + log);
        }
        return process.exitValue();
    }

    private void launch() throws IOException {
        Path launcher = Path.of(System.getProperty("fastsync.root"), "bin", "fastsync-server");
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FASTSYNC_") || key.startsWith("MP_JWT_"));
        env.put("FASTSYNC_WAR", new File(System.getProperty("fastsync.war")).getAbsolutePath());
        env.put("FASTSYNC_MICRO_JAR", new File(System.getProperty("payara.microJar")).getAbsolutePath());
        env.put("FASTSYNC_LAUNCHER_JAR", new File(System.getProperty("fastsync.launcherJar")).getAbsolutePath());
        env.put("FASTSYNC_HTTP_PORT", String.valueOf(port));
        // Every test server serves this machine only, token mode too.
        env.put("FASTSYNC_HTTP_ADDRESS", "127.0.0.1");
        env.put("FASTSYNC_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        env.put("FASTSYNC_DATA_DIR", log.getParent().resolve("data").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        env.putAll(environment);
        logStart = Files.exists(log) ? Files.size(log) : 0;
        process = builder.start();
    }

    /**
     * @return the local addresses ({@code ip:port}) of the server process's listening TCP sockets,
     *         read from {@code /proc}: its sockets' inodes, looked up in the kernel's socket tables
     */
    java.util.List<String> listeningAddresses() throws IOException {
        return socketsIn("0A");
    }

    /** @return the local addresses of the server process's TCP connections that its client closed and it did not */
    java.util.List<String> closeWaitSockets() throws IOException {
        return socketsIn("08");
    }

    /** @param state the kernel's TCP state, as {@code /proc/net/tcp} writes it ({@code 0A} listening, {@code 08} close-wait) */
    private java.util.List<String> socketsIn(String state) throws IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
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
        java.util.List<String> listening = new java.util.ArrayList<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            Path file = Path.of("/proc", String.valueOf(process.pid()), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            java.util.List<String> lines = Files.readAllLines(file);
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
            return java.net.InetAddress.getByAddress(raw).getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return what the server printed since it was last started */
    String logOfThisRun() throws IOException {
        String all = Files.readString(log);
        return all.length() > logStart ? all.substring((int) logStart) : "";
    }

    /** @return the lines of this run's log at WARNING or SEVERE, every one of them */
    java.util.List<String> warningsOfThisRun() throws IOException {
        return logOfThisRun()
                .lines()
                .filter(l -> l.contains("[WARNING]") || l.contains("[SEVERE]"))
                .toList();
    }

    /**
     * Asserts that this run logged no warning, but in trust mode the one warning that says what
     * trust mode means, which an operator must see.
     */
    void assertStartedClean(boolean trustMode, String what) throws IOException {
        java.util.List<String> warnings = warningsOfThisRun();
        if (trustMode) {
            org.junit.jupiter.api.Assertions.assertEquals(1, warnings.size(), what + ": " + warnings);
            org.junit.jupiter.api.Assertions.assertTrue(
                    warnings.get(0).contains("FastSync trusts the zone named in each request"), what + ": " + warnings);
        } else {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), warnings, what);
        }
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
