package io.fastsync.internal.schema;

import static io.fastsync.testing.Requests.keyed;
import static io.fastsync.testing.Requests.old;
import static io.fastsync.testing.Requests.pull;
import static io.fastsync.testing.Requests.push;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.testing.Engine;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncObject;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A database that the first release (schema version 1) created and filled is upgraded by this
 * release's start-up, and everything in it is still there and still works: objects, tombstones,
 * version counters and idempotency receipts; and a document id is then unique per zone. Each subclass names the database.
 */
abstract class SchemaUpgradeScenarios {

    /** @return a factory on a new database without any table */
    protected abstract EntityManagerFactory bareDatabase();

    private static Engine engine(EntityManagerFactory emf) {
        return new Engine(emf).document("Item", SyncZoneRestriction.RESTRICTED, ConflictsHandler.lastWriterWins());
    }

    @Test
    void firstReleaseDatabaseIsUpgradedWithItsDataIntact() {
        EntityManagerFactory emf = bareDatabase();
        try {
            // The first release's start-up ran step 1 only; then its clients pushed. Its mapping had
            // no metadata id, kept no keyless submissions, purged no tombstones and made no marks: the
            // pushes run with this release's code on tables that have those columns and tables for the
            // moment, which are dropped again, leaving step 1's tables with what the first release
            // wrote into them (the receipt's hash text is pinned by WireTextTest).
            assertEquals(0, (int) Engine.inTransaction(emf, em -> Schema.migrate(em, Schema.STEPS.subList(0, 1))));
            Engine.inTransaction(
                    emf,
                    em -> em.createNativeQuery("ALTER TABLE fastsync_document ADD COLUMN sync_metadata_id VARCHAR(200)")
                                    .executeUpdate()
                            + em.createNativeQuery(
                                            "CREATE TABLE fastsync_submission (digest VARCHAR(64) PRIMARY KEY, created_at BIGINT)")
                                    .executeUpdate()
                            + em.createNativeQuery(
                                            "ALTER TABLE fastsync_version ADD COLUMN purged_through BIGINT DEFAULT 0 NOT NULL")
                                    .executeUpdate()
                            + em.createNativeQuery(
                                            "ALTER TABLE fastsync_version ADD COLUMN marked_at BIGINT DEFAULT 0 NOT NULL")
                                    .executeUpdate()
                            + em.createNativeQuery("CREATE TABLE fastsync_version_mark (type_name VARCHAR(100),"
                                            + " sync_zone VARCHAR(200), first_version BIGINT, marked_at BIGINT)")
                                    .executeUpdate());
            var firstTry = keyed(
                    "key-1",
                    "Item",
                    "u1",
                    old("a", 0, 1000, "\"name\": \"milk\""),
                    old("b", 0, 1000, "\"name\": \"eggs\""));
            PushResponse answered;
            try (Engine firstRelease = engine(emf)) {
                answered = firstRelease.push(firstTry);
                firstRelease.push(push("Item", "u1", old("b", 2, 2, "\"name\": \"eggs\"")));
            }
            Engine.inTransaction(
                    emf,
                    em -> em.createNativeQuery("ALTER TABLE fastsync_document DROP COLUMN sync_metadata_id")
                                    .executeUpdate()
                            + em.createNativeQuery("DROP TABLE fastsync_submission")
                                    .executeUpdate()
                            + em.createNativeQuery("ALTER TABLE fastsync_version DROP COLUMN purged_through")
                                    .executeUpdate()
                            + em.createNativeQuery("ALTER TABLE fastsync_version DROP COLUMN marked_at")
                                    .executeUpdate()
                            + em.createNativeQuery("DROP TABLE fastsync_version_mark")
                                    .executeUpdate());
            String stepOneAppliedAt =
                    Engine.inTransaction(emf, em -> (String)
                            em.createNativeQuery("SELECT applied_at FROM fastsync_schema_version WHERE version = 1")
                                    .getSingleResult());
            assertFalse(indexExists(emf, "fastsync_document", "fastsync_document_live"));

            // This release starts on it.
            assertEquals(1, (int) Engine.inTransaction(emf, Schema::migrate));

            assertEquals(
                    List.of(1, 2, 3, 4, 5, 6, 7, 8),
                    Engine.inTransaction(
                            emf,
                            em -> em
                                    .createNativeQuery("SELECT version FROM fastsync_schema_version ORDER BY version")
                                    .getResultList()
                                    .stream()
                                    .map(v -> ((Number) v).intValue())
                                    .toList()));
            assertEquals(
                    stepOneAppliedAt, Engine.inTransaction(emf, em -> (String)
                            em.createNativeQuery("SELECT applied_at FROM fastsync_schema_version WHERE version = 1")
                                    .getSingleResult()));
            assertTrue(indexExists(emf, "fastsync_document", "fastsync_document_live"));

            try (Engine upgraded = engine(emf)) {
                List<SyncObject> pulled = upgraded.pull(pull("u1", null, "Item:0"))
                        .payload()
                        .data()
                        .get("Item");
                assertEquals(
                        List.of("a", "b"), pulled.stream().map(SyncObject::id).toList());
                assertEquals("milk", pulled.get(0).fields().getString("name"));
                assertEquals(1, pulled.get(0).metadata().version());
                assertTrue(pulled.get(1).deleted(), "the tombstone is kept");
                assertEquals(3, pulled.get(1).metadata().version());

                PushResponse retried = upgraded.push(firstTry);
                assertTrue(retried.replayed(), "the first release's idempotency receipt still answers retries");
                assertEquals(answered.results(), retried.results());

                ObjectResult next = upgraded.push(push("Item", "u1", old("c", 0, 1000, "\"name\": \"tea\"")))
                        .results()
                        .get("Item")
                        .get(0);
                assertEquals(4, next.version(), "the zone's version counter carries on");
                assertEquals(
                        List.of("c"),
                        upgraded.pull(pull("u1", null, "Item:3")).payload().data().get("Item").stream()
                                .map(SyncObject::id)
                                .toList());

                // Step 4: another zone may use the same id, and each zone keeps its own object.
                assertEquals(
                        1,
                        upgraded.push(push("Item", "u2", old("a", 0, 1000, "\"name\": \"u2's own a\"")))
                                .results()
                                .get("Item")
                                .get(0)
                                .version());
                assertEquals("milk", firstName(upgraded, "u1"));
                assertEquals("u2's own a", firstName(upgraded, "u2"));
            }

            // A second start has nothing to do.
            assertEquals(Schema.latest(), (int) Engine.inTransaction(emf, Schema::migrate));
        } finally {
            emf.close();
        }
    }

    private static String firstName(Engine engine, String zone) {
        return engine.pull(pull(zone, null, "Item:0"))
                .payload()
                .data()
                .get("Item")
                .get(0)
                .fields()
                .getString("name");
    }

    private static boolean indexExists(EntityManagerFactory emf, String table, String index) {
        return Engine.inTransaction(emf, em -> {
            try {
                Connection c = em.unwrap(Connection.class);
                DatabaseMetaData meta = c.getMetaData();
                boolean upper = meta.storesUpperCaseIdentifiers();
                // In this database only: MariaDB's catalogs are its databases, other tests' among them.
                try (ResultSet indexes = meta.getIndexInfo(
                        c.getCatalog(), null, upper ? table.toUpperCase(Locale.ROOT) : table, false, false)) {
                    while (indexes.next()) {
                        if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                            return true;
                        }
                    }
                    return false;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
