package org.example.tasks;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The built WAR on Payara Micro, as the quickstart's README runs it, on Payara's default data source. */
class TasksOnPayaraMicroIT extends TasksContract {

    private static Process server;

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        log = Path.of(System.getProperty("tasks.war")).resolveSibling("payara-micro.log");
        server = new ProcessBuilder(
                        "java",
                        "-Xmx512m",
                        "-jar",
                        System.getProperty("payara.microJar"),
                        "--deploy",
                        System.getProperty("tasks.war"),
                        "--port",
                        String.valueOf(port),
                        "--nohazelcast",
                        "--disablephonehome",
                        "--prebootcommandfile",
                        Path.of("src/test/resources/loopback.asadmin").toAbsolutePath().toString())
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
