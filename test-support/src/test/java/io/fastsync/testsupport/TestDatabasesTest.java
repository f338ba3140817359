package io.fastsync.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TestDatabases} on PostgreSQL: an embedded server of this test's own plays the server that
 * {@code FASTSYNC_TEST_PG_URL} names, so that both ways run whatever the environment says.
 */
class TestDatabasesTest {

    private static OwnPostgres named;

    @BeforeAll
    static void startTheNamedServer() {
        named = TestDatabases.ownPostgres();
    }

    @AfterAll
    static void stopTheNamedServer() {
        named.close();
    }

    private static DatabaseServer onNamed(String parameters) {
        return DatabaseServer.postgres(Map.of("FASTSYNC_TEST_PG_URL", named.url() + parameters));
    }

    /** @return the names of the test databases on the named server */
    private static List<String> testDatabases() throws SQLException {
        return Sql.column(
                named.url(),
                named.user(),
                named.password(),
                "SELECT datname FROM pg_database WHERE datname LIKE 'fs\\_%' ORDER BY datname");
    }

    private static void sql(FreshDatabase db, String statement) throws SQLException {
        Sql.execute(db.url(), db.user(), db.password(), statement);
    }

    private static List<String> numbers(FreshDatabase db) throws SQLException {
        return Sql.column(db.url(), db.user(), db.password(), "SELECT n FROM t ORDER BY n");
    }

    @Test
    void aNamedServerGetsAFreshDatabaseDroppedOnCloseThoughItIsInUse() throws Exception {
        try (DatabaseServer server = onNamed("?connectTimeout=10")) {
            assertFalse(server.isEmbedded());
            FreshDatabase db = server.newDatabase();
            assertTrue(db.name().matches("fs_[0-9a-f]{32}"), db.name());
            assertEquals(named.url().replace("/postgres", "/" + db.name()) + "?connectTimeout=10", db.url());
            assertEquals("postgres", db.user());
            assertEquals("", db.password());
            assertEquals(
                    Map.of("FASTSYNC_DB_URL", db.url(), "FASTSYNC_DB_USER", "postgres", "FASTSYNC_DB_PASSWORD", ""),
                    db.serverEnvironment());
            assertEquals(List.of(db.name()), testDatabases());

            Connection held = db.connect();
            held.setAutoCommit(false);
            try (Statement s = held.createStatement()) {
                s.execute("CREATE TABLE t (n int)");
                s.execute("INSERT INTO t VALUES (1)");
            }
            db.close();
            assertEquals(List.of(), testDatabases(), "dropped, its open transaction ended");
            assertThrows(SQLException.class, () -> held.createStatement().execute("SELECT 1"));
            held.close();
        }
    }

    @Test
    void theUserIsTheOneNamedOrPostgres() throws Exception {
        try (FreshDatabase db = onNamed("").newDatabase()) {
            sql(db, "CREATE ROLE fastsync_tester SUPERUSER LOGIN");
        }
        try (DatabaseServer server = DatabaseServer.postgres(
                        Map.of("FASTSYNC_TEST_PG_URL", named.url(), "FASTSYNC_TEST_PG_USER", "fastsync_tester"));
                FreshDatabase db = server.newDatabase()) {
            assertEquals("fastsync_tester", db.user());
            sql(db, "CREATE TABLE t (n int)");
        } finally {
            Sql.execute(named.url(), named.user(), named.password(), "DROP ROLE fastsync_tester");
        }
        assertEquals(List.of(), testDatabases());
    }

    @Test
    void closingTheServerDropsEveryDatabaseItMadeAndLeavesTheServerRunning() throws Exception {
        DatabaseServer server = onNamed("");
        FreshDatabase one = server.newDatabase();
        FreshDatabase two = server.newDatabase();
        sql(two, "CREATE TABLE t (n int)");
        FreshDatabase copy = two.backup();
        assertEquals(3, testDatabases().size());
        server.close();
        server.close();
        assertEquals(List.of(), testDatabases());
        assertThrows(IllegalStateException.class, server::newDatabase);
        one.close();
        copy.close();
    }

    @Test
    void aBackupIsPutBackUnderTheDatabasesOwnNameAndUrl() throws Exception {
        try (FreshDatabase live = onNamed("").newDatabase()) {
            sql(live, "CREATE TABLE t (n int)");
            sql(live, "INSERT INTO t VALUES (1)");
            String url = live.url();
            FreshDatabase backup = live.backup();
            sql(live, "INSERT INTO t VALUES (2)");
            assertEquals(List.of("1"), numbers(backup));
            try (Connection stillOpen = live.connect()) {
                live.restoreFrom(backup);
                assertThrows(
                        SQLException.class, () -> stillOpen.createStatement().execute("SELECT 1"));
            }
            assertEquals(url, live.url());
            assertEquals(List.of("1"), numbers(live));
            backup.close();
            assertEquals(List.of(live.name()), testDatabases());
        }
        assertEquals(List.of(), testDatabases());
    }

    @Test
    void withoutANamedServerTheDatabaseIsOnAnEmbeddedServerOnTheLoopbackStoppedOnClose() throws Exception {
        DatabaseServer server = DatabaseServer.postgres(Map.of());
        assertTrue(server.isEmbedded());
        FreshDatabase db = server.newDatabaseOwningServer();
        assertTrue(db.url().startsWith("jdbc:postgresql://127.0.0.1:"), db.url());
        try (Connection c = db.connect()) {
            assertEquals(
                    List.of(),
                    Sql.column(
                            c,
                            "SELECT table_name FROM information_schema.tables"
                                    + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"),
                    "empty");
            assertEquals(List.of("on"), Sql.column(c, "SHOW synchronous_commit"));
        }
        db.close();
        assertThrows(SQLException.class, () -> db.connect().close(), "the embedded server stopped");
    }

    @Test
    void anOwnPostgresKeepsItsDataAndPortAcrossAStopAndAStart() throws Exception {
        try (OwnPostgres own = TestDatabases.ownPostgres()) {
            String url = own.url();
            Sql.execute(url, own.user(), own.password(), "CREATE TABLE t AS SELECT 7 AS n");
            own.stop();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, own.user(), own.password()));
            own.start();
            assertEquals(url, own.url());
            assertEquals(List.of("7"), Sql.column(url, own.user(), own.password(), "SELECT n FROM t"));
        }
    }

    @Test
    void anOwnPostgresTakesServerSettingsBesidesItsOwn() throws Exception {
        try (OwnPostgres durable = TestDatabases.ownPostgres(Map.of("fsync", "on", "max_connections", "300"))) {
            String url = durable.url();
            assertEquals(List.of("on"), Sql.column(url, durable.user(), durable.password(), "SHOW fsync"));
            assertEquals(List.of("300"), Sql.column(url, durable.user(), durable.password(), "SHOW max_connections"));
            assertEquals(List.of("on"), Sql.column(url, durable.user(), durable.password(), "SHOW synchronous_commit"));
        }
        assertEquals(List.of("off"), Sql.column(named.url(), named.user(), named.password(), "SHOW fsync"));
    }
}
