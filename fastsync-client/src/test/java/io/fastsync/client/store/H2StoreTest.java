package io.fastsync.client.store;

import static io.fastsync.client.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        store = H2Store.open(dir.resolve("client"));
    }

    @Test
    void everythingSurvivesAReopen() {
        StoredObject edited = StoredObject.fromServer("Item", "a1", json("{\"name\":\"milk\",\"tags\":[1,2]}"), 7, 5)
                .edited(json("{\"name\":\"oat\"}"), false, 6);
        store.update(tx -> {
            tx.put(edited);
            tx.putTypeState(new TypeState("Item", "user-1", 12));
            tx.putPendingPush(aPush());
        });
        store.close();

        store = H2Store.open(dir.resolve("client.mv.db"));

        assertEquals(edited, store.transact(tx -> tx.find("Item", "a1")).orElseThrow());
        assertTrue(store.transact(tx -> tx.find("Item", "a1")).orElseThrow().pending());
        assertEquals(12L, store.transact(tx -> tx.typeState("Item")).cursor());
        assertEquals(
                "key-7", store.transact(StoreTransaction::pendingPush).request().idempotencyKey());
        assertTrue(Files.exists(dir.resolve("client.mv.db")));
    }

    @Test
    void aStoreOfTheFirstReleaseOpensWithItsCursorsAndTheirMarksAreKeptFromThen() throws Exception {
        store.close();
        Path first = dir.resolve("first");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + first);
                var st = c.createStatement()) {
            // The first release's table, without the mark.
            st.execute("CREATE TABLE fs_type (type_name VARCHAR(100) PRIMARY KEY,"
                    + " zone_name VARCHAR(1000) NOT NULL, cursor_version BIGINT NOT NULL)");
            st.execute("INSERT INTO fs_type VALUES ('Item', 'user-1', 12)");
        }
        store = H2Store.open(first);
        assertEquals(new TypeState("Item", "user-1", 12, 0), store.transact(tx -> tx.typeState("Item")));
        store.update(tx -> tx.putTypeState(new TypeState("Item", "user-1", 13, 1796112961048999L)));
        store.close();
        store = H2Store.open(first);
        assertEquals(
                new TypeState("Item", "user-1", 13, 1796112961048999L), store.transact(tx -> tx.typeState("Item")));
    }

    @Test
    void eachSchemaStepRunsOnceAndIsRecorded() throws Exception {
        store.close();
        store = H2Store.open(dir.resolve("client"));
        store.close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("client"));
                var st = c.createStatement();
                var rows = st.executeQuery("SELECT version, description FROM fs_schema_version ORDER BY version")) {
            for (StoreSchema.Step step : StoreSchema.STEPS) {
                assertTrue(rows.next(), "step " + step.version() + " recorded");
                assertEquals(step.version(), rows.getInt(1));
                assertEquals(step.description(), rows.getString(2));
            }
            assertFalse(rows.next(), "no step recorded twice");
        }
    }

    @Test
    void aStoreOfAnEarlierStepIsBroughtUpToDateWithItsObjectsAndCursors() throws Exception {
        store.close();
        Path earlier = dir.resolve("earlier");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + earlier)) {
            assertEquals(0, StoreSchema.migrate(c, StoreSchema.STEPS.subList(0, 1)));
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO fs_type VALUES ('Item', 'user-1', 12)");
                st.execute("INSERT INTO fs_object VALUES ('Item', 'a1', '{\"name\":\"milk\"}', FALSE, 7, TRUE, 1, 5)");
                assertThrows(java.sql.SQLException.class, () -> st.executeQuery("SELECT cursor_mark FROM fs_type"));
            }
        }
        store = H2Store.open(earlier);
        assertEquals(new TypeState("Item", "user-1", 12, 0), store.transact(tx -> tx.typeState("Item")));
        StoredObject kept = store.transact(tx -> tx.find("Item", "a1")).orElseThrow();
        assertTrue(kept.pending());
        assertEquals(7, kept.baseVersion());
        store.update(tx -> tx.putPendingPush(aPush()));
        store.close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + earlier)) {
            assertEquals(StoreSchema.latest(), StoreSchema.version(c));
        }
        store = H2Store.open(earlier);
        assertEquals(
                "key-7", store.transact(StoreTransaction::pendingPush).request().idempotencyKey());
    }

    @Test
    void aFileThatIsNoDatabaseIsAClearError() throws Exception {
        Path notADatabase = Files.writeString(dir.resolve("junk.mv.db"), "not a database");
        StoreException e = assertThrows(StoreException.class, () -> H2Store.open(notADatabase));
        assertTrue(e.getMessage().contains("junk.mv.db"), e.getMessage());
    }
}
