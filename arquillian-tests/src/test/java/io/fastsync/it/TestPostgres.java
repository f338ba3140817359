package io.fastsync.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL database of a test's own: a new database on the server {@code FASTSYNC_TEST_PG_URL}
 * names (user {@code FASTSYNC_TEST_PG_USER}, {@code postgres} unless set, no password), or else
 * an embedded PostgreSQL started for it and stopped when closed.
 */
final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private TestPostgres(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** @param name what the database is for: a prefix of its name on a shared server */
    static TestPostgres start(String name) {
        String local = System.getenv("FASTSYNC_TEST_PG_URL");
        try {
            if (local != null && !local.isBlank()) {
                String user = System.getenv().getOrDefault("FASTSYNC_TEST_PG_USER", "postgres");
                String db = "fs_" + name + "_" + UUID.randomUUID().toString().replace("-", "");
                try (Connection c = DriverManager.getConnection(local, user, "");
                        var s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
                return new TestPostgres(null, local.substring(0, local.lastIndexOf('/') + 1) + db, user, "");
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new TestPostgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + local, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the environment that points a standalone server at this database */
    Map<String, String> serverEnvironment() {
        return ServerProcess.onPostgres(url, user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
