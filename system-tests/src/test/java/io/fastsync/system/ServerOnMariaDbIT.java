package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import jakarta.json.JsonArray;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built WAR started by {@code bin/fastsync-server} on MariaDB, named by its URL alone (the
 * driver ships in the WAR and follows from the URL), as {@code root} (or the user {@code
 * FASTSYNC_TEST_MARIADB_USER} names) with an empty password, on a
 * fresh database from {@link TestDatabases#mariaDb()}. Zones and ids compare exactly.
 */
class ServerOnMariaDbIT {

    @Test
    void serverOnMariaDbWithAnEmptyPasswordServesExactZonesAndIds() throws Exception {
        try (FreshDatabase mariaDb = TestDatabases.mariaDb()) {
            serveExactZonesAndIds(mariaDb);
        }
    }

    private static void serveExactZonesAndIds(FreshDatabase database) throws Exception {
        Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-mariadb", ".log");
        PayaraMicroServer server = new PayaraMicroServer(database.serverEnvironment(), log);
        URI api = server.base();
        server.start();
        try {
            assertTrue(server.logOfThisRun().contains("on MariaDB"), "the start-up log names the database: " + log);
            List<String> zones = List.of("victim", "VICTIM", "Victim ", "Vict\u00edm");
            for (int i = 0; i < zones.size(); i++) {
                String z = zones.get(i);
                Http.Answer pushed = Http.post(
                        api,
                        "push",
                        typeScriptPush(
                                "Item",
                                z,
                                typeScriptObject("Item", z, "pre", 0, 1000, "\"n\": " + i),
                                typeScriptObject("Item", z, "PRE", 0, 1000, "\"n\": " + (10 + i))));
                assertEquals(200, pushed.status(), z + ": " + pushed.body());
            }
            for (int i = 0; i < zones.size(); i++) {
                String z = zones.get(i);
                Http.Answer pulled = Http.post(api, "pull", typeScriptFirstPull(z, "Item"));
                assertEquals(200, pulled.status(), String.valueOf(pulled.body()));
                JsonArray items = pulled.body()
                        .getJsonObject("data")
                        .getJsonObject("data")
                        .getJsonArray("Item");
                assertEquals(2, items.size(), "zone '" + z + "': " + items);
                assertEquals("pre", items.getJsonObject(0).getString("id"));
                assertEquals(i, items.getJsonObject(0).getInt("n"), "zone '" + z + "' holds its own objects");
                assertEquals("PRE", items.getJsonObject(1).getString("id"));
                assertEquals(10 + i, items.getJsonObject(1).getInt("n"));
            }
            assertEquals(200, Http.get(api, "/health/ready").status());
            server.assertStartedClean(true, "warnings of a clean start on MariaDB");
        } finally {
            server.stop();
        }
    }
}
