package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.OwnPostgres;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
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
 * before a restart of the server is pulled after it. The tests that stop PostgreSQL itself run on an
 * embedded one of their own ({@link TestDatabases#ownPostgres()}), never on a server that {@code
 * FASTSYNC_TEST_PG_URL} names; the others take a fresh database from {@link TestDatabases#postgres()}.
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
                PayaraMicroServer.onPostgres(
                        "jdbc:postgresql://127.0.0.1:" + closed + "/fastsync", "postgres", "postgres"));
        cases.put(
                "a driver that is not there",
                java.util.Map.of(
                        "FASTSYNC_DB_URL", "jdbc:nosuch:db", "FASTSYNC_DB_DRIVER", "org.example.NoSuchDataSource"));
        for (var c : cases.entrySet()) {
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-fails", ".log");
            PayaraMicroServer server = new PayaraMicroServer(c.getValue(), log);
            assertEquals(1, server.startAndAwaitExit(), c.getKey() + ": the exit status; log " + log);
            String output = server.logOfThisRun();
            assertTrue(output.contains("FastSync did not deploy"), c.getKey() + ": " + log);
            assertFalse(output.contains(PayaraMicroServer.READY), c.getKey() + ": said it was ready");
        }
    }

    @Test
    void serverOnPostgresKeepsDataAcrossARestart() throws Exception {
        // The database is stopped below: a server of the test's own.
        try (OwnPostgres pg = TestDatabases.ownPostgres()) {
            Path log = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-pg", ".log");
            PayaraMicroServer server =
                    new PayaraMicroServer(PayaraMicroServer.onPostgres(pg.url(), pg.user(), pg.password()), log);
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
                server.assertStartedClean(true, "warnings of a clean start on PostgreSQL");
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
                pg.stop();
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

    /** Polls readiness until it answers {@code status}; @return the milliseconds that took */
    private static long awaitReadiness(URI base, int status, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            if (Http.get(base, "/health/ready").status() == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not answer " + status + " within " + seconds + " s");
    }

    /**
     * Waits for a state while the test's threads run without failing: the 60 s bound is only for a
     * state that never comes, however loaded the machine.
     */
    private static void awaitState(
            java.util.Collection<Throwable> failures, java.util.function.BooleanSupplier reached, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!reached.getAsBoolean()) {
            if (!failures.isEmpty()) {
                throw new AssertionError(what + ": failures meanwhile: " + failures);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * PostgreSQL stopped and started again under load: readiness goes down and comes back, the
     * server serves again without a redeploy, no acknowledged push is lost (each push is retried
     * with its idempotency key until it is answered), and a puller resumes from its cursor and ends
     * with what the server holds.
     */
    @Test
    void aDatabaseStoppedAndStartedUnderLoadLosesNothing() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pg-restart");
        // The database is stopped and started again below, on its data and port: a server of the test's own.
        OwnPostgres pg = TestDatabases.ownPostgres();
        PayaraMicroServer server = new PayaraMicroServer(
                PayaraMicroServer.onPostgres(pg.url(), pg.user(), pg.password()), dir.resolve("server.log"));
        URI base = server.base();
        server.start();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger refusedMeanwhile = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<Integer> statusesMeanwhile = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<Http.Answer> answered503 =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    String id = "w-" + i;
                    String body = "{\"data\": {\"Item\": [{\"id\": \"" + id + "\", \"n\": " + i + ","
                            + " \"metadata\": {\"version\": 1000, \"syncOperation\": 0}}]},"
                            + " \"operationMetadata\": {\"metadata\": {\"Item\": {\"syncZone\": \"load\"}}}}";
                    while (true) {
                        Http.Answer a;
                        try {
                            a = Http.post(
                                    base,
                                    "push",
                                    body,
                                    "Content-Type",
                                    "application/json",
                                    "Idempotency-Key",
                                    "key-" + id);
                        } catch (java.io.UncheckedIOException e) {
                            a = null;
                        }
                        if (a != null && a.status() == 200) {
                            acknowledged.add(id);
                            break;
                        }
                        refusedMeanwhile.incrementAndGet();
                        if (a != null) {
                            statusesMeanwhile.add(a.status());
                            if (a.status() == 503) {
                                answered503.set(a);
                            }
                        }
                        Thread.sleep(100);
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        java.util.Map<String, Long> pulledState = new java.util.concurrent.ConcurrentHashMap<>();
        Thread puller = new Thread(() -> {
            try {
                long cursor = 0;
                boolean last = false;
                while (true) {
                    boolean done = stop.get();
                    ZonePage page;
                    try {
                        page = ZonePage.pull(base, "load", cursor, 50);
                    } catch (AssertionError | java.io.UncheckedIOException unavailable) {
                        Thread.sleep(100);
                        continue;
                    }
                    pulledState.putAll(page.objects());
                    cursor = page.cursor(cursor);
                    if (last && !page.hasMore()) {
                        return;
                    }
                    last = last || done;
                    Thread.sleep(20);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        try {
            writer.start();
            puller.start();
            // Under load: pushes are being answered.
            awaitState(failures, () -> acknowledged.size() >= 20, "pushes answered before the outage");
            assertEquals("UP", readiness(base, 200).getString("status"));
            pg.stop();
            long toDown = awaitReadiness(base, 503, 60);
            // The writer sends one push at a time: once one of them was refused 503, the push before it
            // has its answer, and nothing acknowledged from here on can have been committed before the
            // outage. Then ten more refused attempts while the database is down.
            awaitState(failures, () -> answered503.get() != null, "a push answered 503 in the outage");
            int atDown = acknowledged.size();
            int refusedAtDown = refusedMeanwhile.get();
            awaitState(
                    failures,
                    () -> refusedMeanwhile.get() >= refusedAtDown + 10,
                    "ten more pushes refused in the outage");
            int duringOutage = acknowledged.size() - atDown;
            long restarted = System.nanoTime();
            pg.start();
            long toUp = awaitReadiness(base, 200, 60);
            int atUp = acknowledged.size();
            awaitState(
                    failures,
                    () -> acknowledged.size() >= atUp + 20,
                    "pushes are answered again after the database is back");
            long servingAgain = (System.nanoTime() - restarted) / 1_000_000;
            stop.set(true);
            writer.join(60_000);
            puller.join(60_000);
            assertTrue(failures.isEmpty(), () -> "failures: " + failures);

            java.util.Map<String, Long> served = ZonePage.everything(base, "load");
            assertEquals(acknowledged, served.keySet(), "every acknowledged push, and nothing else");
            assertEquals(served, pulledState, "the puller resumed from its cursor and holds what the server holds");
            assertEquals(0, duringOutage, "no push was acknowledged while the database was down");
            // Meanwhile pushes were answered 503 database-unavailable with Retry-After, never 500,
            // and the log said so in a line, without a stack trace per request.
            assertEquals(java.util.Set.of(503), statusesMeanwhile);
            Http.Answer unavailable = answered503.get();
            assertTrue(
                    unavailable.body().toString().contains("\"code\":\"database-unavailable\""),
                    unavailable.body().toString());
            assertEquals("5", unavailable.header("Retry-After"));
            String log = server.logOfThisRun();
            assertTrue(log.contains("FastSync: the database does not answer ("), "the outage is logged");
            assertFalse(
                    log.contains("FastSync incident"), "no incident: the database's outage is not FastSync's failure");
            System.out.printf(
                    "ServerOnPostgresRestartIT: readiness down %d ms after the database stopped, up %d ms after it"
                            + " started again, pushes answered again %d ms after; %d pushes acknowledged, %d attempts"
                            + " refused meanwhile (statuses %s), 0 lost%n",
                    toDown, toUp, servingAgain, acknowledged.size(), refusedMeanwhile.get(), statusesMeanwhile);
        } finally {
            stop.set(true);
            server.stop();
            pg.close();
        }
    }

    /** @return a Java client with its store in memory */
    private static io.fastsync.client.SyncManager client(URI base) {
        return new io.fastsync.client.SyncManager(
                io.fastsync.client.transport.HttpSyncTransport.to(base).build(),
                new io.fastsync.client.store.MemoryStore());
    }

    private static JsonObject doc(String id, int n) {
        return jakarta.json.Json.createObjectBuilder().add("id", id).add("n", n).build();
    }

    private static java.util.Map<String, Integer> byId(List<JsonObject> objects) {
        java.util.Map<String, Integer> all = new java.util.TreeMap<>();
        objects.forEach(o -> all.put(o.getString("id"), o.getInt("n")));
        return all;
    }

    /**
     * The database is put back to a backup while clients had seen more: the operator declares the
     * restore, and every client, a Java client holding an unpushed edit and an old client at its
     * cursor, starts over and ends equal to the server; changes pushed after the restore reach
     * both. Without the declaration, new versions would repeat numbers the clients had passed.
     */
    @Test
    void aDatabaseRestoredFromABackupIsDeclaredAndEveryClientEndsEqual() throws Exception {
        try (FreshDatabase live = TestDatabases.postgres()) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "restore");
            PayaraMicroServer server = new PayaraMicroServer(live.serverEnvironment(), dir.resolve("server.log"));
            URI base = server.base();
            var a = client(base);
            var items = a.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
            server.start();
            try {
                items.add(doc("d1", 1));
                items.add(doc("d2", 2));
                a.sync();
            } finally {
                server.stop();
            }
            FreshDatabase backup = live.backup();
            long oldCursor;
            server.start();
            try {
                items.add(doc("d3", 3));
                items.update(doc("d1", 10));
                a.sync();
                Http.Answer old =
                        Http.post(base, "pull", io.fastsync.wire.testing.OldClientBodies.dartPull("Item", "z", 0));
                oldCursor = old.body()
                        .getJsonObject("data")
                        .getJsonObject("operationMetadata")
                        .getJsonObject("metadata")
                        .getJsonObject("Item")
                        .getJsonNumber("version")
                        .longValue();
                assertEquals(4, oldCursor, "the old client saw versions 1 to 4");
            } finally {
                server.stop();
            }
            // The backup is put back: d3 and the edit of d1 are lost.
            live.restoreFrom(backup);
            server.start();
            try {
                Http.Answer declared = Http.post(base, "admin/restored", "");
                assertEquals(200, declared.status(), String.valueOf(declared.body()));
                assertEquals(1, declared.body().getInt("zones"));
                assertTrue(server.logOfThisRun().contains("a restore of the database was declared"));

                // Another client pushes after the restore; A edits offline meanwhile.
                var b = client(base);
                var itemsB = b.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
                b.sync();
                // Three new versions: without the declaration they would be 3 to 5, which the clients
                // at version 4 had passed.
                itemsB.add(doc("d4", 4));
                itemsB.add(doc("d5", 5));
                itemsB.add(doc("d6", 6));
                b.sync();
                items.update(doc("d2", 20));
                a.sync(); // 410: starts over, keeps the edit of d2, pushes it

                // The old client at version 4 is told, and after its hardReset (a pull from 0) holds it all.
                Http.Answer told = Http.post(
                        base, "pull", io.fastsync.wire.testing.OldClientBodies.dartPull("Item", "z", oldCursor));
                assertEquals(410, told.status(), String.valueOf(told.body()));
                assertEquals("cursor-expired", told.body().getString("code"));
                Http.Answer reset =
                        Http.post(base, "pull", io.fastsync.wire.testing.OldClientBodies.dartPull("Item", "z", 0));
                java.util.Map<String, Integer> oldClient = new java.util.TreeMap<>();
                reset.body().getJsonObject("data").getJsonObject("data").getJsonArray("Item").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(o -> !o.getBoolean("deleted"))
                        .forEach(o -> oldClient.put(o.getString("id"), o.getInt("n")));

                b.sync();
                var fresh = client(base);
                var onServer = fresh.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
                fresh.pull();
                java.util.Map<String, Integer> held = byId(onServer.getAll());
                assertEquals(java.util.Map.of("d1", 1, "d2", 20, "d4", 4, "d5", 5, "d6", 6), held);
                assertEquals(held, byId(items.getAll()), "the Java client that saw the lost versions");
                assertEquals(held, byId(itemsB.getAll()), "the client that came after the restore");
                assertEquals(held, oldClient, "the old client, after its hardReset");
                assertEquals(0, items.pendingCount());
            } finally {
                server.stop();
            }
        }
    }

    private static java.util.Map<String, Integer> held(EchoingOldClient client) {
        java.util.Map<String, Integer> all = new java.util.TreeMap<>();
        client.objects("Item").forEach((id, o) -> all.put(id, o.getInt("n")));
        return all;
    }

    /**
     * The database is put back to a backup and nobody says so; pushes after it take the zone past
     * the cursors of clients that had seen the lost versions. The marks their cursors carry give
     * them away: the Java client is told and starts over, keeping its unpushed edit; an old client
     * that echoes its cursor is served the zone again. Before marks, both silently lacked d4 and d5.
     */
    @Test
    void anUndeclaredRestoreIsFoundByTheMarksOfTheCursorsAndEveryClientEndsEqual() throws Exception {
        try (FreshDatabase live = TestDatabases.postgres()) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "undeclared");
            PayaraMicroServer server = new PayaraMicroServer(live.serverEnvironment(), dir.resolve("server.log"));
            URI base = server.base();
            var a = client(base);
            var items = a.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
            EchoingOldClient old = new EchoingOldClient(base, "z", "Item");
            server.start();
            try {
                items.add(doc("d1", 1));
                items.add(doc("d2", 2));
                a.sync();
                assertEquals(200, old.pull().status());
            } finally {
                server.stop();
            }
            FreshDatabase backup = live.backup();
            server.start();
            try {
                items.add(doc("d3", 3));
                items.update(doc("d1", 10));
                a.sync();
                assertEquals(200, old.pull().status());
                assertEquals(4, old.cursor("Item").getInt("version"));
                assertEquals(java.util.Map.of("d1", 10, "d2", 2, "d3", 3), held(old));
            } finally {
                server.stop();
            }
            // The backup is put back: d3 and the edit of d1 are lost, and nothing is declared.
            live.restoreFrom(backup);
            server.start();
            try {
                var b = client(base);
                var itemsB = b.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
                b.sync();
                // Versions 3 to 5 again: the clients at 4 would take the new 3 and 4 for the lost ones.
                itemsB.add(doc("d4", 4));
                itemsB.add(doc("d5", 5));
                itemsB.add(doc("d6", 6));
                b.sync();
                items.update(doc("d2", 20));
                a.sync(); // its push applies; its pull is told to start over, and it does

                Http.Answer repaired = old.pull();
                assertEquals(200, repaired.status(), String.valueOf(repaired.body()));
                String log = server.logOfThisRun();
                // The Java client's pull found it first; one line per zone and hour.
                assertEquals(1, log.split("FastSync detected a restored or replaced database", -1).length - 1, log);
                assertTrue(log.contains("the client was told to start over"), log);
                assertTrue(
                        old.pull()
                                .body()
                                .getJsonObject("data")
                                .getJsonObject("data")
                                .isEmpty(),
                        "served again once");

                b.sync();
                var fresh = client(base);
                var onServer = fresh.registerDocument("Item", io.fastsync.client.type.Zone.restricted("z"));
                fresh.pull();
                java.util.Map<String, Integer> onTheServer = byId(onServer.getAll());
                assertEquals(java.util.Map.of("d1", 1, "d2", 20, "d4", 4, "d5", 5, "d6", 6), onTheServer);
                assertEquals(onTheServer, byId(items.getAll()), "the Java client that saw the lost versions");
                assertEquals(0, items.pendingCount());
                assertEquals(onTheServer, byId(itemsB.getAll()), "the client that came after the restore");
                // The old client holds what the database holds, and d3, which only the lost history
                // had: no page can name an object the database does not know (docs/known-limits.md).
                java.util.Map<String, Integer> withTheLostAdd = new java.util.TreeMap<>(onTheServer);
                withTheLostAdd.put("d3", 3);
                assertEquals(withTheLostAdd, held(old), "the old client");
            } finally {
                server.stop();
            }
        }
    }
}
