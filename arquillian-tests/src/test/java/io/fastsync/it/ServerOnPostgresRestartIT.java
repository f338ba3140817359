package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on Payara Micro, started the way {@code bin/fastsync-server} starts it, pointed at
 * PostgreSQL by {@code FASTSYNC_DB_URL} alone (the driver follows from the URL). Data pushed
 * before a restart of the server is pulled after it.
 */
class ServerOnPostgresRestartIT {

    @Test
    void serverOnPostgresKeepsDataAcrossARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            URI base = URI.create("http://127.0.0.1:" + port + "/fastsync/");
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-pg", ".log");

            Process first = start(url, port, log);
            try {
                Http.Answer pushed = Http.post(base, "push", "{\"data\": {\"Item\": [{\"id\": \"kept\", \"n\": 7,"
                        + " \"metadata\": {\"version\": 1000, \"syncOperation\": 0}}]},"
                        + " \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"z\"}}}}");
                assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
                assertTrue(Files.readString(log).contains("FastSync serves Item (restricted, last-writer-wins) on PostgreSQL"),
                        "the start-up log names the database");
            } finally {
                stop(first);
            }
            Process second = start(url, port, log);
            try {
                Http.Answer pulled = Http.post(base, "pull", "{\"metadata\": {\"Item\": {\"syncZone\": \"z\", \"version\": 0}}}");
                assertEquals(200, pulled.status());
                var item = pulled.body().getJsonObject("data").getJsonObject("data").getJsonArray("Item").getJsonObject(0);
                assertEquals("kept", item.getString("id"));
                assertEquals(7, item.getInt("n"));
            } finally {
                stop(second);
            }
        }
    }

    private static Process start(String url, int port, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", System.getProperty("payara.microJar"),
                "--deploy", new File(System.getProperty("fastsync.war")).getAbsolutePath(), "--port", String.valueOf(port),
                "--nocluster", "--nohazelcast", "--disablephonehome")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FASTSYNC_DB_URL", url);
        builder.environment().put("FASTSYNC_DB_USER", "postgres");
        builder.environment().put("FASTSYNC_DB_PASSWORD", "postgres");
        long before = Files.size(log);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.length() > before && output.substring((int) before).contains(" ready in ")) {
                return process;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start; its log: " + log);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
