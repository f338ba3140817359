package io.fastsync.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty database with what the first release (schema version 1) left in it, from
 * {@code first-release-database.sql}: the server under test must upgrade it on start and keep the data.
 */
final class FirstReleaseDatabase {

    /** The zone the first release's data lives in. */
    static final String ZONE = "release-0.1";

    private FirstReleaseDatabase() {}

    /**
     * Creates database {@code fastsync} on an embedded PostgreSQL and fills it.
     *
     * @return the server settings that point at it, with at most {@code maxObjects} objects per push
     */
    static Map<String, String> onPostgres(EmbeddedPostgres postgres, int maxObjects) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE fastsync");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database fastsync", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/fastsync";
        create(url, "postgres", "postgres");
        return Map.of(
                "FASTSYNC_DB_URL",
                url,
                "FASTSYNC_DB_USER",
                "postgres",
                "FASTSYNC_DB_PASSWORD",
                "postgres",
                "FASTSYNC_PUSH_MAX_OBJECTS",
                String.valueOf(maxObjects));
    }

    static void create(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            for (String sql : statements()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the first release's database at " + url, e);
        }
    }

    private static List<String> statements() {
        try (InputStream in = FirstReleaseDatabase.class.getResourceAsStream("/first-release-database.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("--"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
