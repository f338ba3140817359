package io.fastsync.benchmark;

import io.fastsync.testsupport.OwnPostgres;
import io.fastsync.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL both contestants use: an embedded one started here through test-support (stock
 * durability: fsync and synchronous commit on), or a running server given by URL, in which a fresh
 * database is made.
 */
final class Database implements AutoCloseable {

    private static final String DATABASE = "fastsync_benchmark";

    private final OwnPostgres embedded;
    final String url;
    final String user;
    final String password;

    private Database(OwnPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static Database embedded() throws Exception {
        // The tests' embedded server runs with fsync off; the benchmark measures stock settings.
        OwnPostgres pg = TestDatabases.ownPostgres(Map.of("fsync", "on", "max_connections", "300"));
        createFresh(pg.url(), pg.user(), pg.password());
        String url = pg.url();
        return new Database(pg, url.substring(0, url.lastIndexOf('/') + 1) + DATABASE, pg.user(), pg.password());
    }

    /** @param serverUrl a JDBC URL of any database on the server; the benchmark makes its own next to it */
    static Database external(String serverUrl, String user, String password) throws Exception {
        createFresh(serverUrl, user, password);
        int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = serverUrl.indexOf('?', slash);
        String url = serverUrl.substring(0, slash + 1) + DATABASE + (query < 0 ? "" : serverUrl.substring(query));
        return new Database(null, url, user, password);
    }

    private static void createFresh(String adminUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Version and the settings that decide write speed. */
    String describe() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            String version = one(s, "SHOW server_version");
            return "PostgreSQL " + version + (embedded == null ? " (running server)" : " (embedded)")
                    + ", fsync " + one(s, "SHOW fsync") + ", synchronous_commit " + one(s, "SHOW synchronous_commit")
                    + ", shared_buffers " + one(s, "SHOW shared_buffers");
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
