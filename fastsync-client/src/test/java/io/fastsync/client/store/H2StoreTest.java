package io.fastsync.client.store;

import static io.fastsync.client.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void aFileThatIsNoDatabaseIsAClearError() throws Exception {
        Path notADatabase = Files.writeString(dir.resolve("junk.mv.db"), "not a database");
        StoreException e = assertThrows(StoreException.class, () -> H2Store.open(notADatabase));
        assertTrue(e.getMessage().contains("junk.mv.db"), e.getMessage());
    }
}
