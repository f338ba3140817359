package io.fastsync.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL both contestants use: an embedded one started here (stock durability: fsync and
 * synchronous commit on), or a running server given by URL, in which a fresh database is made. It
 * stays apart from test-support's {@code TestDatabases}, whose embedded PostgreSQL runs with fsync off
 * for the tests' speed, where the benchmark measures stock durability.
 */
final class Database implements AutoCloseable {

    private static final String DATABASE = "fastsync_benchmark";

    private final EmbeddedPostgres embedded;
    final String url;
    final String user;
    final String password;

    private Database(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static Database embedded() throws Exception {
        Path dir = Files.createTempDirectory("fastsync-benchmark-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                // The embedded default turns synchronous commit off; the benchmark measures stock settings.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .start();
        String admin = pg.getJdbcUrl("postgres", "postgres");
        createFresh(admin, "postgres", "");
        return new Database(pg, admin.replace("/postgres?", "/" + DATABASE + "?"), "postgres", "");
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
