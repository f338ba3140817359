package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on Payara Micro, started the way {@code bin/fastsync-server} starts it, pointed at
 * PostgreSQL by {@code FASTSYNC_DB_URL} alone (the driver follows from the URL). Data pushed
 * before a restart of the server is pulled after it.
 */
class ServerOnPostgresRestartIT {

    /** @return FastSync's check in {@code GET /health/ready}, whose status must be the one given */
    private static JsonObject readiness(URI base, int status) {
        Http.Answer a = Http.get(base, "/health/ready");
        assertEquals(status, a.status(), String.valueOf(a.body()));
        return a.body().getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("fastsync"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fastsync check in " + a.body()));
    }

    /**
     * A server whose application cannot deploy (its database does not answer, its driver is not
     * there) ends with status 1 and never says it is ready: Payara Micro alone would go on
     * answering every request with a 404 page.
     */
    @Test
    void aServerThatCannotDeployExitsWithStatus1() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var cases = new java.util.LinkedHashMap<String, java.util.Map<String, String>>();
        cases.put(
                "no database on the port",
                ServerProcess.onPostgres(
                        "jdbc:postgresql://127.0.0.1:" + closed + "/fastsync", "postgres", "postgres"));
        cases.put(
                "a driver that is not there",
                java.util.Map.of(
                        "FASTSYNC_DB_URL", "jdbc:nosuch:db", "FASTSYNC_DB_DRIVER", "org.example.NoSuchDataSource"));
        for (var c : cases.entrySet()) {
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-fails", ".log");
            ServerProcess server = new ServerProcess(c.getValue(), log);
            assertEquals(1, server.startAndAwaitExit(), c.getKey() + ": the exit status; log " + log);
            String output = server.logOfThisRun();
            assertTrue(output.contains("FastSync did not deploy"), c.getKey() + ": " + log);
            assertFalse(output.contains(ServerProcess.READY), c.getKey() + ": said it was ready");
        }
    }

    @Test
    void serverOnPostgresKeepsDataAcrossARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-pg", ".log");
            ServerProcess server = new ServerProcess(
                    ServerProcess.onPostgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"), log);
            URI base = server.base();
            server.start();
            try {
                Http.Answer pushed = Http.post(
                        base,
                        "push",
                        "{\"data\": {\"Item\": [{\"id\": \"kept\", \"n\": 7,"
                                + " \"metadata\": {\"version\": 1000, \"syncOperation\": 0}}]},"
                                + " \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"z\"}}}}");
                assertEquals(200, pushed.status(), String.valueOf(pushed.body()));
                assertTrue(
                        server.logOfThisRun()
                                .contains("FastSync serves Item (restricted, last-writer-wins) on PostgreSQL"),
                        "the start-up log names the database");
                assertEquals(List.of(), server.warningsOfThisRun(), "warnings of a clean start on PostgreSQL");
            } finally {
                server.stop();
            }
            server.start();
            try {
                Http.Answer pulled =
                        Http.post(base, "pull", "{\"metadata\": {\"Item\": {\"syncZone\": \"z\", \"version\": 0}}}");
                assertEquals(200, pulled.status());
                var item = pulled.body()
                        .getJsonObject("data")
                        .getJsonObject("data")
                        .getJsonArray("Item")
                        .getJsonObject(0);
                assertEquals("kept", item.getString("id"));
                assertEquals(7, item.getInt("n"));

                // Readiness follows the database: up while it answers, down (503) once it is gone.
                assertEquals("UP", readiness(base, 200).getString("status"));
                pg.close();
                JsonObject down = readiness(base, 503);
                assertEquals(
                        "database not answering", down.getJsonObject("data").getString("state"));
                assertFalse(down.toString().contains("postgres"), "the answer names no database: " + down);
                assertTrue(server.logOfThisRun().contains("FastSync is not ready: database not answering"));
            } finally {
                server.stop();
            }
        }
    }
}
