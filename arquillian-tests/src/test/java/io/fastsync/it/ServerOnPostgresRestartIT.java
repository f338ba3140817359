package io.fastsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
            } finally {
                server.stop();
            }
        }
    }
}
