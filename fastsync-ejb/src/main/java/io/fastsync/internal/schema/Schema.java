package io.fastsync.internal.schema;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * FastSync's own tables, created and upgraded by versioned steps. The steps are plain SQL that
 * PostgreSQL, H2 and MariaDB all accept. A step that has run is recorded in
 * {@code fastsync_schema_version} and never runs again; a new release only appends steps, so an
 * upgrade keeps every row. Tables of application entities are the application's to manage.
 */
public final class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    /** The databases whose statements differ where standard SQL has no common form. */
    enum Database {
        POSTGRESQL,
        MARIADB,
        MYSQL,
        /** H2, and any other database: H2's forms are tried. */
        OTHER;

        /** @param product the database product's name, lower case; empty where it could not be told */
        static Database of(String product) {
            if (product.contains("postgresql")) {
                return POSTGRESQL;
            }
            if (product.contains("mariadb")) {
                return MARIADB;
            }
            return product.contains("mysql") ? MYSQL : OTHER;
        }

        /** @return whether it commits at each DDL statement and locks with {@code GET_LOCK} */
        boolean mysqlFamily() {
            return this == MARIADB || this == MYSQL;
        }
    }

    /** A numbered step: its statements run together. Most steps are the same on every database. */
    record Step(int version, String description, Function<Database, List<String>> statementsFor) {
        Step(int version, String description, List<String> statements) {
            this(version, description, database -> statements);
        }

        List<String> statements(Database database) {
            return statementsFor.apply(database);
        }
    }

    static final List<Step> STEPS = List.of(
            new Step(
                    1,
                    "version counters, documents, push receipts",
                    List.of(
                            "CREATE TABLE IF NOT EXISTS fastsync_version (type_name VARCHAR(100) NOT NULL,"
                                    + " sync_zone VARCHAR(200) NOT NULL, last_version BIGINT NOT NULL, PRIMARY KEY (type_name, sync_zone))",
                            "CREATE TABLE IF NOT EXISTS fastsync_document (type_name VARCHAR(100) NOT NULL, id VARCHAR(200) NOT NULL,"
                                    + " sync_zone VARCHAR(200) NOT NULL, sync_version BIGINT NOT NULL, sync_timestamp BIGINT NOT NULL,"
                                    + " sync_operation INTEGER NOT NULL, deleted BOOLEAN NOT NULL, body TEXT NOT NULL,"
                                    + " PRIMARY KEY (type_name, id))",
                            // Pulls read (type, zone, version > cursor) in version order: an index range scan.
                            // Unique, because a version is never handed out twice in a zone.
                            "CREATE UNIQUE INDEX IF NOT EXISTS fastsync_document_changes ON fastsync_document (type_name, sync_zone, sync_version)",
                            "CREATE TABLE IF NOT EXISTS fastsync_push_receipt (idempotency_key VARCHAR(200) NOT NULL PRIMARY KEY,"
                                    + " request_hash VARCHAR(64) NOT NULL, response TEXT NOT NULL, created_at BIGINT NOT NULL)",
                            "CREATE INDEX IF NOT EXISTS fastsync_push_receipt_age ON fastsync_push_receipt (created_at)")),
            new Step(
                    2,
                    "live documents of a zone without their tombstones",
                    List.of(
                            // A sync server keeps tombstones for good (clients that were offline must still
                            // learn of the delete), so a zone gathers more of them over time. Reading its live
                            // objects (SyncableRepository.findAll and count: deleted = false, in version order)
                            // is a range scan of this index rather than a walk over every tombstone.
                            "CREATE INDEX IF NOT EXISTS fastsync_document_live ON fastsync_document (type_name, sync_zone, deleted, sync_version)")),
            new Step(
                    3,
                    "the writing client's metadata id",
                    List.of(
                            // Old clients give each object's metadata record an id of its own and expect it
                            // back as they sent it; null for objects that no client ever pushed.
                            "ALTER TABLE fastsync_document ADD COLUMN IF NOT EXISTS sync_metadata_id VARCHAR(200)")),
            new Step(
                    4,
                    "document ids unique per zone",
                    // An id was unique within its type, so a push that named another zone's id was
                    // refused, which told the caller that the id existed elsewhere. Keyed by zone too,
                    // each zone has its own ids. Every existing key stays unique.
                    database -> switch (database) {
                        case POSTGRESQL ->
                            List.of(
                                    "ALTER TABLE fastsync_document DROP CONSTRAINT fastsync_document_pkey",
                                    "ALTER TABLE fastsync_document ADD PRIMARY KEY (type_name, sync_zone, id)");
                        case MARIADB, MYSQL ->
                            List.of(
                                    "ALTER TABLE fastsync_document DROP PRIMARY KEY, ADD PRIMARY KEY (type_name, sync_zone, id)");
                        case OTHER ->
                            List.of(
                                    "ALTER TABLE fastsync_document DROP PRIMARY KEY",
                                    "ALTER TABLE fastsync_document ADD PRIMARY KEY (type_name, sync_zone, id)");
                    }),
            new Step(
                    5,
                    "exact keys and long texts on MariaDB and MySQL",
                    // Their default collations compare without case, accents or trailing spaces, so
                    // that "victim", "VICTIM", "Victim " and "Victím" would be one zone and one id.
                    // A binary collation without padding compares exactly, as PostgreSQL and H2 do.
                    // TEXT holds 64 KB there; bodies and stored answers get LONGTEXT.
                    database -> switch (database) {
                        case MARIADB -> exactTexts("utf8mb4_nopad_bin");
                        case MYSQL -> exactTexts("utf8mb4_0900_bin");
                        case POSTGRESQL, OTHER -> List.of();
                    }),
            new Step(
                    6,
                    "what tells a retried push without idempotency key",
                    List.of(
                            // The SHA-256 of each object a keyless push carried (hex), kept as long as
                            // receipts are: see io.fastsync.push.Submissions.
                            "CREATE TABLE IF NOT EXISTS fastsync_submission (digest VARCHAR(64) NOT NULL PRIMARY KEY,"
                                    + " created_at BIGINT NOT NULL)",
                            "CREATE INDEX IF NOT EXISTS fastsync_submission_age ON fastsync_submission (created_at)")),
            new Step(
                    7,
                    "how far a zone's tombstones were purged",
                    List.of(
                            // The highest version among a zone's purged tombstones: a pull from a cursor
                            // below it could miss a delete, and is told to start over (io.fastsync.retention).
                            "ALTER TABLE fastsync_version ADD COLUMN IF NOT EXISTS purged_through BIGINT NOT NULL DEFAULT 0")),
            new Step(
                    8,
                    "marks that tell one history of a zone from another",
                    // When each run of a zone's versions began to be handed out (at most one mark a
                    // second): a pull's cursor carries the mark of its version, and a cursor from a
                    // history this database does not hold (a restored backup) is told apart by it.
                    // See io.fastsync.internal.version.VersionMarks. Zones compare exactly (step 5).
                    database -> List.of(
                            "CREATE TABLE IF NOT EXISTS fastsync_version_mark (type_name VARCHAR(100) NOT NULL,"
                                    + " sync_zone VARCHAR(200) NOT NULL, first_version BIGINT NOT NULL,"
                                    + " marked_at BIGINT NOT NULL, PRIMARY KEY (type_name, sync_zone, first_version))"
                                    + switch (database) {
                                        case MARIADB -> " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
                                        case MYSQL -> " CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin";
                                        case POSTGRESQL, OTHER -> "";
                                    },
                            "ALTER TABLE fastsync_version ADD COLUMN IF NOT EXISTS marked_at BIGINT NOT NULL DEFAULT 0")));

    private static List<String> exactTexts(String collation) {
        return List.of(
                "ALTER TABLE fastsync_version CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation,
                "ALTER TABLE fastsync_document CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation,
                "ALTER TABLE fastsync_document MODIFY body LONGTEXT NOT NULL",
                "ALTER TABLE fastsync_push_receipt CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation,
                "ALTER TABLE fastsync_push_receipt MODIFY response LONGTEXT NOT NULL");
    }

    private Schema() {}

    /** @return the newest schema version this release knows */
    public static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /**
     * Brings the schema to {@link #latest()}, in the caller's transaction.
     *
     * @return the version the database had before
     */
    public static int migrate(EntityManager em) {
        return migrate(em, STEPS);
    }

    /** Runs the given steps that the database lacks; a test passes fewer to build an older release's database. */
    static int migrate(EntityManager em, List<Step> steps) {
        Database database = Database.of(databaseOf(em));
        boolean mysql = database.mysqlFamily();
        if (database == Database.POSTGRESQL) {
            // Held to the end of the transaction: another instance starting at the same moment waits
            // here, then finds the schema current (concurrent CREATE TABLE IF NOT EXISTS is not safe).
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
                    .getResultList();
        } else if (mysql) {
            em.createNativeQuery("SELECT GET_LOCK('fastsync_schema', 300)").getSingleResult();
        }
        try {
            return migrateLocked(em, steps, database);
        } finally {
            if (mysql) {
                em.createNativeQuery("SELECT RELEASE_LOCK('fastsync_schema')").getSingleResult();
            }
        }
    }

    /** The key of the migration's lock on PostgreSQL: any number, the same in every release. */
    private static final long LOCK_KEY = 0x66617374L; // "fast"

    /** @return the database product, lower case; empty where it cannot be told */
    private static String databaseOf(EntityManager em) {
        try {
            return DatabaseProduct.of(em);
        } catch (RuntimeException | java.sql.SQLException e) {
            LOG.warning(() -> "FastSync schema: cannot tell the database (" + e
                    + "); the migration runs without a lock, so start one instance at a time");
            return "";
        }
    }

    private static int migrateLocked(EntityManager em, List<Step> steps, Database database) {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS fastsync_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)")
                .executeUpdate();
        Number current = (Number) em.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM fastsync_schema_version")
                .getSingleResult();
        int before = current.intValue();
        for (Step step : steps) {
            if (step.version() > before) {
                for (String sql : step.statements(database)) {
                    em.createNativeQuery(sql).executeUpdate();
                }
                // MariaDB and MySQL commit at each DDL statement and the lock is let go before the
                // last step's row commits, so an instance that waited may run that step again (each
                // is idempotent there) and then meets the row: it waits for it and lets it be.
                String insert = database.mysqlFamily() ? "INSERT IGNORE" : "INSERT";
                em.createNativeQuery(insert
                                + " INTO fastsync_schema_version (version, description, applied_at) VALUES (?, ?, ?)")
                        .setParameter(1, step.version())
                        .setParameter(2, step.description())
                        .setParameter(3, Instant.now().toString())
                        .executeUpdate();
                LOG.info(() -> "FastSync schema: applied step " + step.version() + " (" + step.description() + ")");
            }
        }
        return before;
    }
}
