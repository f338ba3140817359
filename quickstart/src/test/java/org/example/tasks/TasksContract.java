package org.example.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.SyncManager;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the quickstart does for its users, on whichever server runs the built WAR, used by FastSync's
 * Java client over HTTP: a task written by the application reaches two devices of the team, an
 * edit offline reaches the other device, and another team's zone is refused. Each subclass starts
 * one server with the WAR deployed and sets {@link #base} and {@link #log}.
 */
abstract class TasksContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The application's REST root, {@code .../tasks/api/}. */
    static URI base;
    /** The server's log. */
    static Path log;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the application answers at {@link #base}, as long as the server is alive. */
    static void awaitApplication(Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (get("teams/team-a/tasks", "team-a").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the server did not start:\n" + (Files.exists(log) ? Files.readString(log) : "(no log)"));
            }
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> get(String path, String team) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path)).header("X-Team", team).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String team, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("X-Team", team)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SyncManager device(String team) {
        return new SyncManager(
                HttpSyncTransport.to(base.resolve("sync")).header("X-Team", team).build(), new MemoryStore());
    }

    @Test
    void aTaskWrittenByTheApplicationAndEditedOfflineReachesEveryDeviceOfTheTeam() throws Exception {
        HttpResponse<String> added = post("teams/team-a/tasks", "team-a", "text/plain", "write the quickstart");
        assertEquals(201, added.statusCode(), added.body());
        String id = Json.createReader(new java.io.StringReader(added.body()))
                .readObject()
                .getString("id");

        SyncManager phone = device("team-a");
        SyncManager laptop = device("team-a");
        SyncableRepository<JsonObject> onPhone = phone.registerDocument("Task", Zone.restricted("team-a"));
        SyncableRepository<JsonObject> onLaptop = laptop.registerDocument("Task", Zone.restricted("team-a"));
        phone.sync();
        laptop.sync();
        JsonObject task = onPhone.findById(id).orElseThrow();
        assertEquals("write the quickstart", task.getString("title"));

        // Offline on the phone: done, and a new task; then one sync each.
        onPhone.update(Json.createObjectBuilder(task).add("done", true).build());
        onPhone.add(Json.createObjectBuilder()
                .add("id", "t-2")
                .add("title", "try it on WildFly")
                .add("done", false)
                .build());
        phone.sync();
        laptop.sync();
        assertTrue(onLaptop.findById(id).orElseThrow().getBoolean("done"));
        assertEquals("try it on WildFly", onLaptop.findById("t-2").orElseThrow().getString("title"));

        // The application reads what the devices wrote.
        String listed = get("teams/team-a/tasks", "team-a").body();
        assertTrue(listed.contains("\"title\":\"try it on WildFly\""), listed);
        assertTrue(listed.contains("\"done\":true"), listed);
    }

    @Test
    void theStartUpLogNamesTheApplicationsZoneRuleAndTheSchema() throws IOException {
        String started = Files.readString(log);
        assertTrue(started.contains("FastSync zones are decided by the application's org.example.tasks.TeamZones"));
        assertTrue(!started.contains("FastSync trusts the zone named in each request"), "no trust-mode warning");
        assertTrue(started.contains("FastSync schema: applied step 1 "));
    }

    @Test
    void anotherTeamsZoneIsRefusedByTheApplicationsZoneRule() throws Exception {
        // As an old client sends it: the zone of another team.
        HttpResponse<String> refused = post(
                "sync/pull",
                "team-b",
                "application/json",
                "{\"metadata\": {\"Task\": {\"id\": \"Task\", \"type\": \"Task\", \"syncZone\": \"team-a\","
                        + " \"version\": 0, \"timestamp\": 1796112960, \"syncOperation\": 999}}}");
        assertEquals(403, refused.statusCode(), refused.body());
        JsonObject problem = Json.createReader(new java.io.StringReader(refused.body())).readObject();
        assertEquals("zone-forbidden", problem.getString("code"));
        assertEquals("team-b", problem.getJsonObject("zones").getJsonArray("Task").getString(0));

        // The Java client is handed over to its own team's zone, and sees none of team-a's tasks.
        SyncManager intruder = device("team-b");
        SyncableRepository<JsonObject> tasks = intruder.registerDocument("Task", Zone.restricted("team-a"));
        intruder.pull();
        assertEquals(java.util.Optional.of("team-b"), intruder.zoneOf("Task"));
        assertEquals(0, tasks.count());
    }
}
