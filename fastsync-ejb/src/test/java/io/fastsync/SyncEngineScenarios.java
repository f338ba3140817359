package io.fastsync;

import static io.fastsync.testing.Requests.based;
import static io.fastsync.testing.Requests.old;
import static io.fastsync.testing.Requests.pull;
import static io.fastsync.testing.Requests.push;
import static io.fastsync.testing.Requests.stamped;
import static io.fastsync.testing.Requests.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.document.SyncDocument;
import io.fastsync.error.CursorExpiredException;
import io.fastsync.error.IdempotencyKeyReusedException;
import io.fastsync.error.InvalidRequestException;
import io.fastsync.error.MissingZoneException;
import io.fastsync.error.UnknownTypeException;
import io.fastsync.error.ZoneConflictException;
import io.fastsync.repository.SyncableRepository;
import io.fastsync.retention.TombstonePurge;
import io.fastsync.testing.Engine;
import io.fastsync.testing.Note;
import io.fastsync.testing.Requests;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.json.Json;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's guarantees, on a real database: each subclass names one. */
abstract class SyncEngineScenarios {

    protected EntityManagerFactory emf;
    protected Engine engine;

    protected abstract EntityManagerFactory newDatabase();

    @BeforeEach
    void open() {
        emf = newDatabase();
        engine = new Engine(emf)
                .document("Item", SyncZoneRestriction.RESTRICTED, ConflictsHandler.lastWriterWins())
                .document("Task", SyncZoneRestriction.RESTRICTED, ConflictsHandler.timestampOrdering())
                .document("Tag", SyncZoneRestriction.GLOBAL, ConflictsHandler.lastWriterWins())
                .document(
                        "Doc",
                        SyncZoneRestriction.RESTRICTED,
                        ConflictsHandler.predefinedRules(c -> new SyncDocument(
                                "Doc",
                                c.objectId(),
                                null,
                                Json.createObjectBuilder(c.serverCopy().getFields())
                                        .add(
                                                "merged",
                                                c.clientCopy().getFields().getString("text"))
                                        .build(),
                                false)))
                .notes(ConflictsHandler.lastWriterWins());
    }

    @AfterEach
    void close() {
        engine.close();
        emf.close();
    }

    private static ObjectResult only(PushResponse response, String type) {
        assertEquals(1, response.results().get(type).size());
        return response.results().get(type).get(0);
    }

    /** @return how many version counters the zone has, of any type */
    private long counterRows(String zone) {
        return engine.inTransaction(
                em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM fastsync_version WHERE sync_zone = ?")
                                .setParameter(1, zone)
                                .getSingleResult())
                        .longValue());
    }

    private List<SyncObject> pullAll(String zone, String type) {
        return engine.pull(pull(zone, null, type + ":0")).payload().data().getOrDefault(type, List.of());
    }

    @Test
    void pushedObjectsArePulledWithTheirFieldsAndVersions() {
        PushResponse pushed = engine.push(push(
                "Item",
                "u1",
                old("a", 0, 1000, "\"name\": \"milk\""),
                old("b", 0, 1, "\"name\": \"eggs\", \"qty\": 12")));
        assertEquals(
                List.of(1L, 2L),
                pushed.results().get("Item").stream().map(ObjectResult::version).toList());

        PullResponse page = engine.pull(pull("u1", null, "Item:0"));
        assertFalse(page.hasMore());
        List<SyncObject> items = page.payload().data().get("Item");
        assertEquals(List.of("a", "b"), items.stream().map(SyncObject::id).toList());
        assertEquals("eggs", items.get(1).fields().getString("name"));
        assertEquals(12, items.get(1).fields().getInt("qty"));
        assertEquals(2L, page.payload().metadata().get("Item").version());
        assertEquals("u1", items.get(0).metadata().syncZone());
        assertEquals(1_722_950_000_500_000L, items.get(0).metadata().timestamp());
    }

    @Test
    void pullWithCursorAtTheEndHasNothing() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        PullResponse page = engine.pull(pull("u1", null, "Item:1"));
        assertTrue(page.payload().data().isEmpty());
        assertTrue(page.payload().metadata().isEmpty());
    }

    @Test
    void retriedPushWithTheSameKeyChangesNothingAndGetsTheFirstAnswer() {
        String a = old("a", 0, 1, "\"n\": 1");
        String b = old("b", 0, 1, "\"n\": 2");
        PushResponse first = engine.push(Requests.keyed("k-1", "Item", "u1", a, b));
        PushResponse again = engine.push(Requests.keyed("k-1", "Item", "u1", a, b));
        assertTrue(again.replayed());
        assertEquals(first.results(), again.results());
        assertEquals(2, pullAll("u1", "Item").size());
        assertEquals(
                2L,
                engine.pull(pull("u1", null, "Item:0"))
                        .payload()
                        .metadata()
                        .get("Item")
                        .version());
    }

    @Test
    void keyReusedForAnotherPushIsRefusedAndWritesNothing() {
        engine.push(Requests.keyed("k-2", "Item", "u1", old("a", 0, 1, "\"n\": 1")));
        assertThrows(
                IdempotencyKeyReusedException.class,
                () -> engine.push(Requests.keyed("k-2", "Item", "u1", old("c", 0, 1, "\"n\": 3"))));
        assertThrows(
                IdempotencyKeyReusedException.class,
                () -> engine.push(Requests.keyed("k-2", "Item", "u9", old("c", 0, 1, "\"n\": 3"))));
        assertEquals(0L, counterRows("u9"), "the refusal left no counter behind in a zone never used");
        assertEquals(
                List.of("a"), pullAll("u1", "Item").stream().map(SyncObject::id).toList());
    }

    @Test
    void retriedPushOfAnOldClientWithoutKeyIsUnchanged() {
        engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1")));
        PushResponse retry = engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1")));
        assertEquals(PushOutcome.UNCHANGED, only(retry, "Item").outcome());
        assertEquals(1L, only(retry, "Item").version());
    }

    @Test
    void keylessRetriesOfACopyThatLostSpendNoVersion() {
        engine.push(push("Task", "u1", stamped("t", 0, 1000, 1_722_950_100.0, "\"s\": \"first\"")));
        engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_300.0, "\"s\": \"newer\"")));
        // An old client's edit made before the stored one, from version 1; it loses, and the server's
        // copy is resent under version 3. The client never hears so, and sends it again and again.
        PushRequest losing = push("Task", "u1", stamped("t", 1, 2, 1_722_950_200.0, "\"s\": \"older\""));
        assertEquals(ConflictWinner.SERVER, only(engine.push(losing), "Task").winner());
        for (int i = 0; i < 5; i++) {
            ObjectResult retry = only(engine.push(losing), "Task");
            assertEquals(PushOutcome.UNCHANGED, retry.outcome());
            assertEquals(3L, retry.version());
        }
        PullResponse all = engine.pull(pull("u1", null, "Task:0"));
        assertEquals(3L, all.payload().metadata().get("Task").version(), "no version was spent on a retry");
        assertEquals("newer", all.payload().data().get("Task").get(0).fields().getString("s"));
        // A new edit is not a retry: a copy that differs in anything is settled again.
        ObjectResult edit =
                only(engine.push(push("Task", "u1", stamped("t", 1, 2, 1_722_950_400.0, "\"s\": \"latest\""))), "Task");
        assertEquals(ConflictWinner.CLIENT, edit.winner());
        assertEquals(4L, edit.version());
    }

    @Test
    void aKeylessRetryOfADeleteCannotUndoAnotherClientsLaterEdit() {
        engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1")));
        // Device A deletes a (it saw version 1); its answer is lost.
        PushRequest delete = push("Item", "u1", old("a", 2, 2, "\"n\": 1"));
        assertTrue(only(engine.push(delete), "Item").deleted());
        // Device B, which saw version 1 too, edits a: last writer wins, a lives on as version 3.
        assertFalse(only(engine.push(push("Item", "u1", old("a", 1, 2, "\"n\": 2"))), "Item")
                .deleted());
        // A retries its delete: it was settled already, and B's edit stays.
        ObjectResult retry = only(engine.push(delete), "Item");
        assertEquals(PushOutcome.UNCHANGED, retry.outcome());
        assertFalse(retry.deleted());
        assertEquals(3L, retry.version());
        SyncObject pulled = pullAll("u1", "Item").get(0);
        assertFalse(pulled.deleted());
        assertEquals(2, pulled.fields().getInt("n"));
    }

    @Test
    void purgedTombstonesTellOlderCursorsToStartOverAndNoDeleteGoesMissing() {
        engine.push(push(
                "Item",
                "u1",
                old("a", 0, 1000, "\"n\": 1"),
                old("b", 0, 1000, "\"n\": 2"),
                old("c", 0, 1000, "\"n\": 3")));
        engine.push(push("Item", "u1", old("a", 2, 2, "\"n\": 1"))); // a deleted, version 4, stamped in 2024
        engine.push(push("Item", "u1", old("b", 1, 3, "\"n\": 5"))); // b edited, version 5
        double now = System.currentTimeMillis() / 1000.0;
        engine.push(push("Item", "u1", stamped("c", 2, 4, now, "\"n\": 3"))); // c deleted today, version 6
        engine.push(push("Item", "u2", old("x", 0, 1000, "\"n\": 9"), old("y", 0, 1000, "\"n\": 9")));

        long dayAgo = (System.currentTimeMillis() - 86_400_000L) * 1000;
        assertEquals(new TombstonePurge.Batch(1, 1), engine.purge("Item", dayAgo), "a's old tombstone only");
        assertEquals(new TombstonePurge.Batch(0, 0), engine.purge("Item", dayAgo), "nothing left to purge");

        // A client at cursor 3 has a, b and c, and never heard of a's delete: it is told to start over.
        CursorExpiredException expired =
                assertThrows(CursorExpiredException.class, () -> engine.pull(pull("u1", null, "Item:3")));
        assertEquals(
                "/metadata/Item/version", expired.toProblem().errors().get(0).pointer());
        assertEquals("Item", expired.toProblem().errors().get(0).type());
        // From the purged version on, it missed nothing: served as before.
        assertEquals(
                List.of("b", "c"),
                engine.pull(pull("u1", null, "Item:4")).payload().data().get("Item").stream()
                        .map(SyncObject::id)
                        .toList());
        // Starting over: b, and c's tombstone, which is younger than the retention.
        List<SyncObject> fresh = pullAll("u1", "Item");
        assertEquals(List.of("b", "c"), fresh.stream().map(SyncObject::id).toList());
        assertTrue(fresh.get(1).deleted());
        // Another zone is untouched.
        assertEquals(2, pullAll("u2", "Item").size());
        assertEquals(
                2L,
                engine.pull(pull("u2", null, "Item:1"))
                        .payload()
                        .metadata()
                        .get("Item")
                        .version());
    }

    @Test
    void aClientThatStartedOverAfterAPurgeOfTheNewestChangeIsNotToldAgain() {
        engine.push(push("Item", "u3", old("p", 0, 1000, "\"n\": 1"), old("q", 0, 1000, "\"n\": 2")));
        engine.push(push("Item", "u3", old("q", 2, 3, "\"n\": 2"))); // q deleted: version 3, the zone's newest
        long dayAgo = (System.currentTimeMillis() - 86_400_000L) * 1000;
        assertEquals(new TombstonePurge.Batch(1, 1), engine.purge("Item", dayAgo));
        assertThrows(CursorExpiredException.class, () -> engine.pull(pull("u3", null, "Item:2")));
        // Starting over brings p alone, and a cursor at the zone's last version, past the purge.
        PullResponse fresh = engine.pull(pull("u3", null, "Item:0"));
        assertEquals(
                List.of("p"),
                fresh.payload().data().get("Item").stream().map(SyncObject::id).toList());
        assertEquals(3L, fresh.payload().metadata().get("Item").version());
        PullResponse next = engine.pull(pull("u3", null, "Item:3"));
        assertTrue(next.payload().data().isEmpty());
        assertFalse(next.hasMore());
    }

    @Test
    void aDeclaredRestoreMovesEveryZonePastWhatClientsSawAndEachStartsOverOnce() {
        engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1"), old("b", 0, 1000, "\"n\": 2")));
        engine.push(push("Task", "u1", old("t", 0, 1000, "\"s\": \"x\"")));
        // The database is put back to a backup taken at this point; clients had seen up to version 5
        // of Item (the versions after the backup are lost). The operator declares the restore.
        engine.declareRestore(1000);
        for (String cursor : List.of("Item:2", "Item:5", "Item:900")) {
            assertThrows(CursorExpiredException.class, () -> engine.pull(pull("u1", null, cursor)), cursor);
        }
        // Starting over: what the database holds, and a cursor past the gap.
        PullResponse fresh = engine.pull(pull("u1", null, "Item:0"));
        assertEquals(2, fresh.payload().data().get("Item").size());
        assertEquals(1002L, fresh.payload().metadata().get("Item").version());
        // New changes get versions past every one handed out before, and reach the started-over client.
        ObjectResult c = only(engine.push(push("Item", "u1", old("c", 0, 1000, "\"n\": 3"))), "Item");
        assertEquals(1003L, c.version());
        assertEquals(
                List.of("c"),
                engine.pull(pull("u1", null, "Item:1002")).payload().data().get("Item").stream()
                        .map(SyncObject::id)
                        .toList());
        assertEquals(
                1001L,
                engine.pull(pull("u1", null, "Task:0"))
                        .payload()
                        .metadata()
                        .get("Task")
                        .version());
    }

    /** A backup put back takes longer than this: the first push after it begins a new mark. */
    private static void aSecondPasses() throws InterruptedException {
        Thread.sleep(1100);
    }

    /** @return the pull, of a client that starts over by itself when told (the Java client) */
    private static PullRequest startingOver(PullRequest pull) {
        return new PullRequest(pull.metadata(), pull.limit(), true);
    }

    private static List<String> ids(PullResponse page, String type) {
        return page.payload().data().getOrDefault(type, List.of()).stream()
                .map(SyncObject::id)
                .toList();
    }

    @Test
    void aCursorFromAHistoryTheRestoredDatabaseLostIsFoundByItsMarkAndAnOldClientGetsTheZoneAgain()
            throws InterruptedException {
        engine.push(push("Item", "r1", old("a", 0, 1000, "\"n\": 1"), old("b", 0, 1000, "\"n\": 2")));
        SyncMetadata sawTheBackup =
                engine.pull(pull("r1", null, "Item:0")).payload().metadata().get("Item");
        var backup = engine.backup();
        aSecondPasses();
        PushResponse lostPush =
                engine.push(push("Item", "r1", old("c", 0, 1000, "\"n\": 3"), old("a", 1, 2, "\"n\": 10")));
        // The Java client, which does not pull after its own push, names the versions the push gave.
        PullRequest pushedThenPulled = new PullRequest(
                Map.of("Item", sawTheBackup),
                null,
                true,
                Map.of(
                        "Item",
                        SyncMetadata.cursor("Item", "r1", 4, lostPush.marks().get("Item"))));
        assertEquals(List.of("c", "a"), ids(engine.pull(pushedThenPulled), "Item"));
        // An old client echoes the cursor metadata it was given, as it is.
        SyncMetadata sawTheLostVersions = engine.pull(new PullRequest(Map.of("Item", sawTheBackup), null))
                .payload()
                .metadata()
                .get("Item");
        assertEquals(4L, sawTheLostVersions.version());

        // The backup is put back: c and the edit of a are lost. New pushes hand out 3 to 5 again.
        engine.restore(backup);
        aSecondPasses();
        engine.push(push(
                "Item",
                "r1",
                old("d", 0, 1000, "\"n\": 4"),
                old("e", 0, 1000, "\"n\": 5"),
                old("f", 0, 1000, "\"n\": 6")));

        // Served from its cursor 4, the old client would get f alone and never d and e. It is served
        // the zone again, a as the database holds it, and takes the new cursor as every cursor.
        PullResponse repaired = engine.pull(new PullRequest(Map.of("Item", sawTheLostVersions), null));
        assertEquals(List.of("a", "b", "d", "e", "f"), ids(repaired, "Item"));
        assertEquals(1, repaired.payload().data().get("Item").get(0).fields().getInt("n"));
        SyncMetadata next = repaired.payload().metadata().get("Item");
        assertEquals(5L, next.version());
        PullResponse after = engine.pull(new PullRequest(Map.of("Item", next), null));
        assertTrue(after.payload().data().isEmpty(), "served again only once");

        // A client that starts over by itself is told to, by its cursor or by what it pushed.
        CursorExpiredException toldByPush =
                assertThrows(CursorExpiredException.class, () -> engine.pull(pushedThenPulled));
        assertTrue(toldByPush.getMessage().contains("version 4 pushed"), toldByPush.getMessage());
        CursorExpiredException told = assertThrows(
                CursorExpiredException.class,
                () -> engine.pull(new PullRequest(Map.of("Item", sawTheLostVersions), null, true)));
        assertTrue(told.getMessage().contains("another history"), told.getMessage());
        // One that saw only what the backup holds is served from its cursor, by either kind of client.
        for (boolean startsOver : List.of(false, true)) {
            assertEquals(
                    List.of("d", "e", "f"),
                    ids(engine.pull(new PullRequest(Map.of("Item", sawTheBackup), null, startsOver)), "Item"));
        }
        // Without a mark (an older server's cursor, or one the client stamped itself) only a cursor
        // beyond the zone's last version is found.
        assertEquals(List.of("f"), ids(engine.pull(pull("r1", null, "Item:4")), "Item"));
    }

    @Test
    void cursorsThatCarryTheirMarksAreServedFromWhereTheyStandAcrossMarks() throws InterruptedException {
        for (int run = 0; run < 3; run++) {
            engine.push(push("Item", "r2", old("x" + run, 0, 1000, "\"n\": 1"), old("y" + run, 0, 1000, "\"n\": 2")));
            aSecondPasses();
        }
        // Page by page, as an old client that echoes each cursor: every object once, in order.
        SyncMetadata cursor = SyncMetadata.cursor("Item", "r2", 0, 1796112960000000L);
        List<String> received = new ArrayList<>();
        java.util.Set<Long> marks = new java.util.HashSet<>();
        boolean more = true;
        while (more) {
            PullResponse page = engine.pull(new PullRequest(Map.of("Item", cursor), 1, true));
            received.addAll(ids(page, "Item"));
            cursor = page.payload().metadata().getOrDefault("Item", cursor);
            assertTrue(io.fastsync.internal.version.VersionMarks.isMark(cursor.timestamp()), cursor.toString());
            marks.add(cursor.timestamp());
            more = page.hasMore();
        }
        assertEquals(List.of("x0", "y0", "x1", "y1", "x2", "y2"), received);
        assertEquals(3, marks.size(), "a mark for each run");
        // A cursor moved down with its mark kept (the Java client after a push answer) is served too.
        SyncMetadata lowered = SyncMetadata.cursor("Item", "r2", 1, cursor.timestamp());
        assertEquals(
                List.of("y0", "x1", "y1", "x2", "y2"),
                ids(engine.pull(new PullRequest(Map.of("Item", lowered), null, true)), "Item"));
    }

    @Test
    void aCursorBeyondTheZonesLastVersionIsToldToStartOver() {
        engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1"), old("b", 0, 1000, "\"n\": 2")));
        // A client that saw version 7 of u1: this database never had it (restored from a backup
        // taken before, or another database). Left alone, it would miss versions 3 to 7 when
        // they come.
        CursorExpiredException e =
                assertThrows(CursorExpiredException.class, () -> engine.pull(startingOver(pull("u1", null, "Item:7"))));
        assertTrue(e.getMessage().contains("another history"), e.getMessage());
        assertThrows(CursorExpiredException.class, () -> engine.pull(startingOver(pull("never-used", null, "Item:1"))));
        // An old client cannot know the answer: it is served the zone from the start instead.
        PullResponse again = engine.pull(pull("u1", null, "Item:7"));
        assertEquals(List.of("a", "b"), ids(again, "Item"));
        assertEquals(2L, again.payload().metadata().get("Item").version());
        PullResponse nothing = engine.pull(pull("never-used", null, "Item:1"));
        assertEquals(0L, nothing.payload().metadata().get("Item").version(), "a zone with nothing: cursor 0");
        assertEquals(
                2,
                engine.pull(pull("u1", null, "Item:0"))
                        .payload()
                        .data()
                        .get("Item")
                        .size());
        assertTrue(engine.pull(pull("u1", null, "Item:2")).payload().data().isEmpty());
    }

    @Test
    void updateFromTheLatestVersionApplies() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        ObjectResult r = only(engine.push(push("Item", "u1", old("a", 1, 2, "\"n\": 2"))), "Item");
        assertEquals(PushOutcome.APPLIED, r.outcome());
        assertEquals(2L, r.version());
        assertEquals(2, pullAll("u1", "Item").get(0).fields().getInt("n"));
    }

    @Test
    void lastWriterWinsGivesTheResultANewVersion() {
        engine.push(push("Item", "u1", based("a", 0, 0, "\"n\": 1")));
        engine.push(push("Item", "u1", based("a", 1, 1, "\"n\": 2")));
        ObjectResult r = only(engine.push(push("Item", "u1", based("a", 1, 1, "\"n\": 3"))), "Item");
        assertTheClientsThirdCopyWonAsVersion3(r);
    }

    private void assertTheClientsThirdCopyWonAsVersion3(ObjectResult r) {
        assertEquals(PushOutcome.RESOLVED, r.outcome());
        assertEquals(ConflictWinner.CLIENT, r.winner());
        assertEquals("last-writer-wins", r.strategy());
        assertEquals(3L, r.version());
        assertEquals(3, pullAll("u1", "Item").get(0).fields().getInt("n"));
    }

    @Test
    void timestampOrderingKeepsTheServerCopyAndResendsIt() {
        engine.push(push("Task", "u1", timed("t", 0, 0, 1_722_950_100.0, "\"s\": \"first\"")));
        engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_300.0, "\"s\": \"newer\"")));
        // A client that saw version 1 sends an edit made before the stored one, in microseconds.
        ObjectResult r =
                only(engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_200.0, "\"s\": \"older\""))), "Task");
        assertEquals(ConflictWinner.SERVER, r.winner());
        assertEquals(3L, r.version(), "the server copy gets a new version so the losing client receives it");
        SyncObject pulled = engine.pull(pull("u1", null, "Task:2"))
                .payload()
                .data()
                .get("Task")
                .get(0);
        assertEquals("newer", pulled.fields().getString("s"));
        assertEquals(3L, pulled.metadata().version());
    }

    @Test
    void anImpossibleBaseUnderTimestampOrderingIsAConflictTheLaterEditWins() {
        // Device A adds t; device B edits it later; A, which has not pulled since its add, edits
        // it with version 1001 (its own 1000 + 1), stamped before B's edit.
        engine.push(push("Task", "u1", old("t", 0, 1000, "\"s\": \"A's add\"")));
        engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_300.0, "\"s\": \"B's edit\"")));
        ObjectResult r = only(
                engine.push(push("Task", "u1", Requests.stamped("t", 1, 1001, 1_722_950_200.0, "\"s\": \"A's edit\""))),
                "Task");
        assertEquals(PushOutcome.RESOLVED, r.outcome(), "base 1000 is not a version t ever had: never applied blind");
        assertEquals(ConflictWinner.SERVER, r.winner());
        assertEquals("timestamp-ordering", r.strategy());
        assertEquals(3L, r.version());
        SyncObject pulled = engine.pull(pull("u1", null, "Task:2"))
                .payload()
                .data()
                .get("Task")
                .get(0);
        assertEquals("B's edit", pulled.fields().getString("s"));
    }

    @Test
    void anImpossibleBaseUnderLastWriterWinsIsAConflictTheClientWins() {
        engine.push(push("Item", "u1", old("a", 0, 1000, "\"n\": 1")));
        engine.push(push("Item", "u1", based("a", 1, 1, "\"n\": 2")));
        ObjectResult r = only(engine.push(push("Item", "u1", old("a", 1, 1001, "\"n\": 3"))), "Item");
        assertTheClientsThirdCopyWonAsVersion3(r);
    }

    @Test
    void anImpossibleBaseUnderPredefinedRulesGoesToTheResolver() {
        engine.push(push("Doc", "u1", based("d", 0, 0, "\"text\": \"a\"")));
        // A client restored from a backup of another server states a base this server never handed out.
        ObjectResult r = only(engine.push(push("Doc", "u1", based("d", 1, 50, "\"text\": \"restored\""))), "Doc");
        assertEquals(ConflictWinner.MERGED, r.winner());
        SyncObject merged = pullAll("u1", "Doc").get(0);
        assertEquals("a", merged.fields().getString("text"));
        assertEquals("restored", merged.fields().getString("merged"));
    }

    @Test
    void theWritersMetadataIdIsKeptAndReturnedNeverTakenForTheObjectsId() {
        String body = "{\"id\": \"m\", \"metadata\": {\"type\": \"Item\", \"version\": 1000, \"syncZone\": \"u1\","
                + " \"id\": \"5406233f-58df-411d-9aae-25a7d138bb69\", \"timestamp\": 1796112961.048, \"syncOperation\": 0},"
                + " \"deleted\": false, \"metadataId\": \"5406233f-58df-411d-9aae-25a7d138bb69\", \"dirty\": true, \"n\": 1}";
        assertEquals(
                PushOutcome.APPLIED,
                only(engine.push(push("Item", "u1", body)), "Item").outcome());
        SyncObject pulled = pullAll("u1", "Item").get(0);
        assertEquals("m", pulled.id());
        assertEquals("5406233f-58df-411d-9aae-25a7d138bb69", pulled.metadata().id());
        assertEquals(1, pulled.fields().getInt("n"));
        assertFalse(pulled.fields().containsKey("metadataId"), "client bookkeeping is not the object's data");
    }

    @Test
    void timestampOrderingComparesNormalisedUnits() {
        engine.push(push("Task", "u1", timed("t", 0, 0, 1_722_950_100.0, "\"s\": \"seconds\"")));
        engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_100.0, "\"s\": \"stored\"")));
        // 1722950200 s written as microseconds is later than the stored copy.
        String micros =
                "{\"id\": \"t\", \"metadata\": {\"version\": 2.0, \"baseVersion\": 1, \"timestamp\": 1722950200000000.0,"
                        + " \"syncOperation\": 1}, \"s\": \"micros\"}";
        ObjectResult r = only(engine.push(push("Task", "u1", micros)), "Task");
        assertEquals(ConflictWinner.CLIENT, r.winner());
    }

    @Test
    void predefinedRulesStoreWhatTheResolverReturns() {
        engine.push(push("Doc", "u1", based("d", 0, 0, "\"text\": \"a\"")));
        engine.push(push("Doc", "u1", based("d", 1, 1, "\"text\": \"b\"")));
        ObjectResult r = only(engine.push(push("Doc", "u1", based("d", 1, 1, "\"text\": \"c\""))), "Doc");
        assertEquals(ConflictWinner.MERGED, r.winner());
        SyncObject merged = pullAll("u1", "Doc").get(0);
        assertEquals("b", merged.fields().getString("text"));
        assertEquals("c", merged.fields().getString("merged"));
        assertEquals(3L, merged.metadata().version());
    }

    @Test
    void deleteIsATombstoneThatEveryClientReceives() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        ObjectResult r = only(engine.push(push("Item", "u1", old("a", 2, 2, "\"n\": 1"))), "Item");
        assertTrue(r.deleted());
        SyncObject tombstone = engine.pull(pull("u1", null, "Item:1"))
                .payload()
                .data()
                .get("Item")
                .get(0);
        assertTrue(tombstone.deleted());
        assertEquals(2L, tombstone.metadata().version());
    }

    @Test
    void editAgainstADeleteIsAConflict() {
        engine.push(push("Task", "u1", timed("t", 0, 0, 1_722_950_100.0, "\"s\": \"x\"")));
        engine.push(push("Task", "u1", timed("t", 2, 1, 1_722_950_300.0, "\"s\": \"x\"")));
        ObjectResult r =
                only(engine.push(push("Task", "u1", timed("t", 1, 1, 1_722_950_200.0, "\"s\": \"edit\""))), "Task");
        assertEquals(PushOutcome.RESOLVED, r.outcome());
        assertEquals(ConflictWinner.SERVER, r.winner());
        assertTrue(r.deleted());
    }

    @Test
    void zonesCannotSeeEachOther() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        engine.push(push("Item", "u2", old("b", 0, 1, "\"n\": 2")));
        assertEquals(
                List.of("a"), pullAll("u1", "Item").stream().map(SyncObject::id).toList());
        assertEquals(
                List.of("b"), pullAll("u2", "Item").stream().map(SyncObject::id).toList());
        assertEquals(1L, pullAll("u2", "Item").get(0).metadata().version(), "versions are counted per zone");
    }

    /** Every database compares zones and ids exactly: MariaDB's default collation would not. */
    @Test
    void zonesAndIdsDifferingInCaseAccentOrTrailingSpaceAreDistinct() {
        List<String> zones = List.of("victim", "VICTIM", "Victim ", "Vict\u00edm");
        for (int i = 0; i < zones.size(); i++) {
            engine.push(push("Item", zones.get(i), old("x", 0, 1, "\"n\": " + i)));
        }
        for (int i = 0; i < zones.size(); i++) {
            List<SyncObject> own = pullAll(zones.get(i), "Item");
            assertEquals(1, own.size(), zones.get(i));
            assertEquals(i, own.get(0).fields().getInt("n"), "zone '" + zones.get(i) + "' holds its own object");
            assertEquals(1L, own.get(0).metadata().version(), "each zone counts its own versions");
        }
        engine.push(push(
                "Item",
                "ids",
                old("pre", 0, 1, "\"n\": 1"),
                old("PRE", 0, 1, "\"n\": 2"),
                old("pre ", 0, 1, "\"n\": 3")));
        assertEquals(
                List.of("pre", "PRE", "pre "),
                pullAll("ids", "Item").stream().map(SyncObject::id).toList());
    }

    @Test
    void documentIdsArePerZoneSoAnotherZonesIdTellsNothing() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        // u2 names u1's id, and an id that exists nowhere, each as an add and as an update: the
        // answers for the two ids are the same, and u1's object is untouched.
        PushResponse taken = engine.push(push("Item", "u2", old("a", 0, 1, "\"n\": 666")));
        PushResponse free = engine.push(push("Item", "u3", old("z", 0, 1, "\"n\": 666")));
        assertEquals(only(free, "Item").outcome(), only(taken, "Item").outcome());
        assertEquals(only(free, "Item").version(), only(taken, "Item").version());
        PushResponse takenUpdate = engine.push(push("Item", "u4", old("a", 1, 6, "\"n\": 667")));
        PushResponse freeUpdate = engine.push(push("Item", "u5", old("y", 1, 6, "\"n\": 667")));
        assertEquals(
                only(freeUpdate, "Item").outcome(), only(takenUpdate, "Item").outcome());
        assertEquals(
                only(freeUpdate, "Item").version(), only(takenUpdate, "Item").version());

        assertEquals(1, pullAll("u1", "Item").get(0).fields().getInt("n"));
        assertEquals(1L, pullAll("u1", "Item").get(0).metadata().version());
        assertEquals(666, pullAll("u2", "Item").get(0).fields().getInt("n"));
        assertEquals(667, pullAll("u4", "Item").get(0).fields().getInt("n"));
    }

    @Test
    void pushNamingAnEntityOfAnotherZoneIsRefusedAndWritesNothing() {
        // An entity's id is its table's primary key, unique across zones.
        engine.push(push("Note", "u1", old("a", 0, 1, "\"text\": \"one\"")));
        ZoneConflictException e = assertThrows(
                ZoneConflictException.class,
                () -> engine.push(push(
                        "Note", "u2", old("fresh", 0, 1, "\"text\": \"nine\""), old("a", 1, 2, "\"text\": \"666\""))));
        assertEquals("/data/Note/1", e.toProblem().errors().get(0).pointer());
        assertEquals("a", e.toProblem().errors().get(0).id());
        assertTrue(pullAll("u2", "Note").isEmpty(), "the valid object of the refused push was not written either");
        assertEquals(0L, counterRows("u2"), "the refused push into a zone never used left no counter behind");
        assertEquals("one", pullAll("u1", "Note").get(0).fields().getString("text"));
        // The refused push spent no version: the next push in u2 starts at 1.
        assertEquals(
                1L,
                only(engine.push(push("Note", "u2", old("fresh", 0, 1, "\"text\": \"nine\""))), "Note")
                        .version());
    }

    @Test
    void pushOfSeveralTypesIsAllOrNothing() {
        PushResponse ok = engine.push(Requests.pushTypes(
                "u1",
                "Item",
                "[" + old("i", 0, 1, "\"n\": 1") + "]",
                "Task",
                "[" + old("t", 0, 1, "\"s\": \"x\"") + "]"));
        assertEquals(2, ok.results().size());
        engine.push(push("Note", "u2", old("elsewhere", 0, 1, "\"text\": \"y\"")));
        assertThrows(
                ZoneConflictException.class,
                () -> engine.push(Requests.pushTypes(
                        "u1",
                        "Item",
                        "[" + old("i2", 0, 1, "\"n\": 2") + "]",
                        "Note",
                        "[" + old("elsewhere", 1, 2, "\"text\": \"z\"") + "]")));
        assertEquals(
                List.of("i"), pullAll("u1", "Item").stream().map(SyncObject::id).toList());
    }

    @Test
    void globalTypeIgnoresTheZoneTheClientSends() {
        engine.push(push("Tag", "u1", old("g", 0, 1, "\"label\": \"red\"")));
        List<SyncObject> seen = engine.pull(pull("somebody-else", null, "Tag:0"))
                .payload()
                .data()
                .get("Tag");
        assertEquals("Global", seen.get(0).metadata().syncZone());
        assertEquals(
                1,
                engine.pull(pull(null, null, "Tag:0"))
                        .payload()
                        .data()
                        .get("Tag")
                        .size());
    }

    @Test
    void zoneAuthorizerDecidesWhoMayReadAndWriteAZone() {
        engine.authorizer((caller, asked) -> asked.zone().equals(caller.name())
                || asked.access() == io.fastsync.zone.ZoneAccess.READ
                        && asked.zone().equals("public"));
        engine.push(push("Item", "user-1", old("own", 0, 1, "\"n\": 1")));
        io.fastsync.error.ZoneForbiddenException refused = assertThrows(
                io.fastsync.error.ZoneForbiddenException.class,
                () -> engine.push(push("Item", "user-2", old("other", 0, 1, "\"n\": 2"))));
        assertEquals(403, refused.toProblem().status());
        assertEquals("zone-forbidden", refused.toProblem().code());
        assertThrows(io.fastsync.error.ZoneForbiddenException.class, () -> engine.pull(pull("user-2", null, "Item:0")));
        assertTrue(engine.pull(pull("public", null, "Item:0")).payload().data().isEmpty());
        assertThrows(
                io.fastsync.error.ZoneForbiddenException.class,
                () -> engine.push(push("Item", "public", old("p", 0, 1, ""))));
        assertEquals(1, pullAll("user-1", "Item").size());
    }

    @Test
    void restrictedTypeNeedsAZone() {
        assertThrows(MissingZoneException.class, () -> engine.push(push("Item", null, old("a", 0, 1, "\"n\": 1"))));
        MissingZoneException e =
                assertThrows(MissingZoneException.class, () -> engine.pull(pull(null, null, "Item:0")));
        assertEquals("/metadata/Item/syncZone", e.toProblem().errors().get(0).pointer());
    }

    @Test
    void unknownTypeIsRefused() {
        UnknownTypeException e =
                assertThrows(UnknownTypeException.class, () -> engine.push(push("Nope", "u1", old("a", 0, 1, ""))));
        assertTrue(e.getMessage().contains("served types: Item, Task, Tag, Doc, Note"), e.getMessage());
    }

    @Test
    void sameIdTwiceInOnePushIsRefused() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1"), old("a", 1, 2, "\"n\": 2"))));
        assertEquals("/data/Item/1/id", e.toProblem().errors().get(0).pointer());
    }

    @Test
    void pagesNeverCarryACursorPastAnUndeliveredObject() {
        String[] objects = new String[25];
        for (int i = 0; i < 25; i++) {
            objects[i] = old("o" + i, 0, 1, "\"i\": " + i);
        }
        engine.push(push("Item", "u1", objects));
        List<String> received = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        boolean more = true;
        while (more) {
            PullResponse page = engine.pull(pull("u1", 10, "Item:" + cursor));
            List<SyncObject> items = page.payload().data().get("Item");
            items.forEach(o -> received.add(o.id()));
            cursor = page.payload().metadata().get("Item").version();
            assertEquals(items.get(items.size() - 1).metadata().version(), cursor);
            more = page.hasMore();
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(25, received.size());
        assertEquals(25, received.stream().distinct().count());
    }

    @Test
    void pageSizeIsSharedByAllTypesOfAPull() {
        engine.push(push("Item", "u1", old("i1", 0, 1, ""), old("i2", 0, 1, ""), old("i3", 0, 1, "")));
        engine.push(push("Task", "u1", old("t1", 0, 1, ""), old("t2", 0, 1, "")));
        PullResponse first = engine.pull(pull("u1", 4, "Item:0", "Task:0"));
        assertEquals(3, first.payload().data().get("Item").size());
        assertEquals(1, first.payload().data().get("Task").size());
        assertTrue(first.hasMore());
        PullResponse second = engine.pull(pull("u1", 4, "Item:3", "Task:1"));
        assertNull(second.payload().data().get("Item"));
        assertEquals("t2", second.payload().data().get("Task").get(0).id());
        assertFalse(second.hasMore());
    }

    @Test
    void pushLargerThanOneIdQueryReadsEveryStoredCopy() {
        int n = io.fastsync.store.IdChunks.IDS_PER_QUERY + 5;
        String[] notes = new String[n];
        String[] docs = new String[n];
        for (int i = 0; i < n; i++) {
            notes[i] = old("n" + i, 0, 1, "\"stars\": 1");
            docs[i] = old("d" + i, 0, 1, "\"n\": 1");
        }
        engine.push(push("Note", "u1", notes));
        engine.push(push("Item", "u1", docs));
        // Pushed again unchanged: only a complete read of the stored copies finds them all equal.
        assertTrue(engine.push(push("Note", "u1", notes)).results().get("Note").stream()
                .allMatch(r -> r.outcome() == PushOutcome.UNCHANGED));
        assertTrue(engine.push(push("Item", "u1", docs)).results().get("Item").stream()
                .allMatch(r -> r.outcome() == PushOutcome.UNCHANGED));
    }

    @Test
    void typedEntityIsPushedAndPulledThroughItsDataSource() {
        engine.push(push("Note", "u1", old("n1", 0, 1, "\"text\": \"hello\", \"stars\": 4, \"unknownField\": true")));
        SyncObject pulled = pullAll("u1", "Note").get(0);
        assertEquals("hello", pulled.fields().getString("text"));
        assertEquals(4, pulled.fields().getInt("stars"));
        assertFalse(pulled.fields().containsKey("syncVersion"), "metadata travels in metadata, not among the fields");
        Note stored = engine.inTransaction(em -> em.find(Note.class, "n1"));
        assertEquals(1L, stored.getSyncVersion());
        assertEquals("u1", stored.getSyncZone());
    }

    @Test
    void typedEntityWithAWrongFieldTypeIsRefusedNamingTheObject() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> engine.push(
                        push("Note", "u1", old("ok", 0, 1, "\"stars\": 1"), old("n2", 0, 1, "\"stars\": \"many\""))));
        assertEquals("n2", e.toProblem().errors().get(0).id());
        assertEquals("Note", e.toProblem().errors().get(0).type());
        assertEquals("/data/Note/1", e.toProblem().errors().get(0).pointer());
        assertTrue(pullAll("u1", "Note").isEmpty());
    }

    @Test
    void writesThroughTheRepositoryReachTheNextPull() {
        @SuppressWarnings("unchecked")
        SyncableRepository<Note> notes = (SyncableRepository<Note>) engine.repository("Note");
        Note note = new Note();
        note.setSyncZone("u1");
        note.setText("from the app");
        String id = engine.inTransaction(em -> notes.add(note).getId());
        engine.push(push("Note", "u1", old("client", 0, 1, "\"text\": \"from a client\"")));
        engine.inTransaction(em -> notes.remove("u1", id));

        PullResponse page = engine.pull(pull("u1", null, "Note:0"));
        List<SyncObject> changes = page.payload().data().get("Note");
        assertEquals(List.of("client", id), changes.stream().map(SyncObject::id).toList());
        assertTrue(changes.get(1).deleted());
        assertEquals(3L, changes.get(1).metadata().version());
        assertEquals(Long.valueOf(1), engine.inTransaction(em -> notes.count("u1")));
        assertEquals(
                List.of("client"),
                engine.inTransaction(em -> notes.getAll("u1")).stream()
                        .map(Note::getId)
                        .toList());
    }

    @Test
    void aMissingZoneInApplicationCodeIsAnArgumentErrorNotARefusedRequest() {
        @SuppressWarnings("unchecked")
        SyncableRepository<Note> notes = (SyncableRepository<Note>) engine.repository("Note");
        Note note = new Note();
        note.setText("no zone");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> engine.inTransaction(em -> notes.add(note)));
        assertTrue(e.getMessage().contains("type Note is restricted"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engine.inTransaction(em -> notes.getAll(null)));
    }

    @Test
    void repositoryRefusesToMoveAnObjectToAnotherZone() {
        @SuppressWarnings("unchecked")
        SyncableRepository<Note> notes = (SyncableRepository<Note>) engine.repository("Note");
        engine.push(push("Note", "u1", old("n", 0, 1, "\"text\": \"t\"")));
        Note moved = new Note();
        moved.setId("n");
        moved.setSyncZone("u2");
        assertThrows(ZoneConflictException.class, () -> engine.inTransaction(em -> notes.update(moved)));
    }

    @Test
    void schemaMigrationRunsOnceAndKeepsData() {
        engine.push(push("Item", "u1", old("a", 0, 1, "\"n\": 1")));
        int before = engine.inTransaction(io.fastsync.internal.schema.Schema::migrate);
        assertEquals(io.fastsync.internal.schema.Schema.latest(), before);
        assertEquals(1, pullAll("u1", "Item").size());
    }
}
