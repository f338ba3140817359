package io.fastsync.system;

import io.fastsync.testsupport.FreshDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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
     * Fills the empty PostgreSQL database given with the first release's schema and data.
     *
     * @return the server settings that point at it, with at most {@code maxObjects} objects per push
     */
    static Map<String, String> onPostgres(FreshDatabase database, int maxObjects) {
        create(database.url(), database.user(), database.password());
        Map<String, String> settings = new HashMap<>(database.serverEnvironment());
        settings.put("FASTSYNC_PUSH_MAX_OBJECTS", String.valueOf(maxObjects));
        return Map.copyOf(settings);
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
