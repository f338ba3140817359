package org.example.tasks;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/**
 * The built WAR on a Payara Micro, as the quickstart's README runs it, on Payara's default data
 * source; on the JDK the tests run on (Java 21 or later, which Payara 7 needs).
 */
abstract class TasksOnPayaraMicro extends TasksContract {

    private static Process server;

    /**
     * @param microJar     the system property that names the Payara Micro jar
     * @param options      more options for Payara Micro
     */
    static void start(String microJar, String... options) throws Exception {
        int port = freePort();
        log = Path.of(System.getProperty("tasks.war")).resolveSibling(microJar + ".log");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        // One start-up thread: Payara 7.2026.11's services can deadlock when they
                        // start on several (about one start in thirty hangs for good).
                        "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS",
                        "-jar",
                        System.getProperty(microJar),
                        "--deploy",
                        System.getProperty("tasks.war"),
                        "--port",
                        String.valueOf(port),
                        "--nohazelcast",
                        "--disablephonehome",
                        "--prebootcommandfile",
                        Path.of("src/test/resources/loopback.asadmin").toAbsolutePath().toString()));
        command.addAll(java.util.List.of(options));
        server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        base = java.net.URI.create("http://127.0.0.1:" + port + "/tasks/api/");
        awaitApplication(server);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }
}
