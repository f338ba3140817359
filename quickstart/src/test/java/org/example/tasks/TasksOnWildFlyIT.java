package org.example.tasks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same WAR on WildFly, as the quickstart's README runs it: copied into the deployments
 * directory of a WildFly with its default configuration, on its default data source, with
 * WildFly's Hibernate. The server runs from a copy of {@code standalone/} under {@code target},
 * on 127.0.0.1, at a port offset chosen free.
 */
class TasksOnWildFlyIT extends TasksContract {

    private static Process server;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path baseDir = Path.of(System.getProperty("tasks.war")).resolveSibling("wildfly-base");
        copy(home.resolve("standalone"), baseDir);
        Files.copy(
                Path.of(System.getProperty("tasks.war")),
                baseDir.resolve("deployments/tasks.war"),
                StandardCopyOption.REPLACE_EXISTING);
        int offset = freeOffset();
        int http = 8080 + offset;
        log = baseDir.resolve("log/server.log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + baseDir,
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // standalone.sh then passes a TERM on to the server.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        server = builder.start();
        base = URI.create("http://127.0.0.1:" + http + "/tasks/api/");
        awaitApplication(server);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    /** @return a port offset at which WildFly's HTTP, HTTPS and management ports are all free */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 500) * 100;
            if (free(8080 + offset) && free(8443 + offset) && free(9990 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("found no free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies a directory afresh, removing what a previous run left. */
    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
