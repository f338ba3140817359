package io.fastsync.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The local store's tables, created and upgraded by numbered steps: the approach of the server's
 * schema ({@code io.fastsync.internal.schema.Schema}). A step that has run is recorded in
 * {@code fs_schema_version} and never runs again; a new release only appends steps, so an upgrade
 * keeps every object, cursor and pending change. Stores made before the steps were recorded have
 * no {@code fs_schema_version}: every step below is written so that it may run again on them
 * ({@code IF NOT EXISTS}), and they are brought to the latest version like a new store.
 *
 * <p>A migration library (Flyway, Liquibase) would do the same for a handful of statements on one
 * embedded database, at the price of a dependency that the applications embedding this client
 * would have to agree with in version; one process at a time opens a store, so no lock is needed.
 */
final class StoreSchema {

    /** A numbered step: its statements run together, in one transaction. */
    record Step(int version, String description, List<String> statements) {}

    static final List<Step> STEPS = List.of(
            new Step(
                    1,
                    "objects, and each type's zone and cursor",
                    List.of(
                            """
                            CREATE TABLE IF NOT EXISTS fs_object (
                                type_name VARCHAR(100) NOT NULL, object_id VARCHAR(200) NOT NULL,
                                fields_json CHARACTER LARGE OBJECT NOT NULL, deleted BOOLEAN NOT NULL,
                                base_version BIGINT NOT NULL, pending BOOLEAN NOT NULL, revision BIGINT NOT NULL,
                                edited_at BIGINT NOT NULL, PRIMARY KEY (type_name, object_id))""",
                            "CREATE INDEX IF NOT EXISTS fs_object_pending ON fs_object (type_name, pending)",
                            """
                            CREATE TABLE IF NOT EXISTS fs_type (type_name VARCHAR(100) PRIMARY KEY,
                                zone_name VARCHAR(1000) NOT NULL, cursor_version BIGINT NOT NULL)""")),
            new Step(
                    2,
                    "the unanswered push",
                    List.of(
                            // One row at most (slot = 1): the client keeps a single unanswered push.
                            """
                            CREATE TABLE IF NOT EXISTS fs_pending_push (slot INT PRIMARY KEY,
                                request_json CHARACTER LARGE OBJECT NOT NULL,
                                revisions_json CHARACTER LARGE OBJECT NOT NULL)""")),
            new Step(
                    3,
                    "the mark of each cursor, and the version and mark a push gave",
                    List.of(
                            // A cursor of a store made before has no mark (0): the server serves it as before.
                            "ALTER TABLE fs_type ADD COLUMN IF NOT EXISTS cursor_mark BIGINT DEFAULT 0 NOT NULL",
                            "ALTER TABLE fs_type ADD COLUMN IF NOT EXISTS pushed_version BIGINT DEFAULT 0 NOT NULL",
                            "ALTER TABLE fs_type ADD COLUMN IF NOT EXISTS pushed_mark BIGINT DEFAULT 0 NOT NULL")));

    private StoreSchema() {}

    /** @return the newest version this release knows */
    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /**
     * Brings the store to {@link #latest()}, each step in a transaction of its own.
     *
     * @param connection the store's connection, in auto-commit mode; left so
     * @return the version the store had before; 0 for a new store or one made before versions were recorded
     */
    static int migrate(Connection connection) throws SQLException {
        return migrate(connection, STEPS);
    }

    /** Runs the given steps that the store lacks; a test passes fewer to make an older release's store. */
    static int migrate(Connection connection, List<Step> steps) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fs_schema_version (version INT PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
        }
        int before = version(connection);
        connection.setAutoCommit(false);
        try {
            for (Step step : steps) {
                if (step.version() > before) {
                    apply(connection, step);
                    connection.commit();
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return before;
    }

    /** @return the newest step the store has recorded; 0 where none */
    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM fs_schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(Connection connection, Step step) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : step.statements()) {
                s.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fs_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, step.version());
            insert.setString(2, step.description());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
