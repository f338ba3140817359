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
import org.junit.jupiter.api.Test;

/**
 * {@link TestDatabases} on MariaDB (the {@code mariadb} tier): the embedded server, which then plays the
 * server {@code FASTSYNC_TEST_MARIADB_URL} names.
 */
class TestDatabasesOnMariaDbTest {

    private static List<String> testDatabases(String serverUrl) throws SQLException {
        return Sql.column(serverUrl, "root", "", "SHOW DATABASES LIKE 'fs\\_%'");
    }

    @Test
    void anEmbeddedServerAndANamedOneMakeFreshDatabasesAndDropThemThoughInUse() throws Exception {
        DatabaseServer embedded = DatabaseServer.mariaDb(Map.of());
        String serverUrl = embedded.urlOf("");
        try {
            assertTrue(embedded.isEmbedded());
            assertTrue(serverUrl.matches("jdbc:mariadb://127\\.0\\.0\\.1:\\d+/"), serverUrl);
            try (DatabaseServer server = DatabaseServer.mariaDb(Map.of("FASTSYNC_TEST_MARIADB_URL", serverUrl))) {
                assertFalse(server.isEmbedded());
                FreshDatabase db = server.newDatabase();
                assertEquals(serverUrl + db.name(), db.url());
                assertEquals("root", db.user());
                assertEquals("", db.password());
                assertEquals(List.of(db.name()), testDatabases(serverUrl));
                assertThrows(UnsupportedOperationException.class, db::backup);

                // A transaction that holds the table open makes DROP DATABASE wait until it is ended.
                Connection held = db.connect();
                try (Statement s = held.createStatement()) {
                    s.execute("CREATE TABLE t (n int) ENGINE=InnoDB");
                    held.setAutoCommit(false);
                    s.execute("INSERT INTO t VALUES (1)");
                }
                FreshDatabase other = server.newDatabase();
                db.close();
                assertEquals(List.of(other.name()), testDatabases(serverUrl));
                assertThrows(SQLException.class, () -> held.createStatement().execute("SELECT 1"));
                held.close();
            }
            assertEquals(List.of(), testDatabases(serverUrl), "the named server's close dropped the rest");
        } finally {
            embedded.close();
        }
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(serverUrl, "root", "").close());
    }
}
