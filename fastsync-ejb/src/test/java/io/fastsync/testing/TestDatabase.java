package io.fastsync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real database for engine tests: H2 in memory, or PostgreSQL. PostgreSQL is the local server
 * when {@code FASTSYNC_TEST_PG_URL} names it (a JDBC URL; user from {@code FASTSYNC_TEST_PG_USER},
 * default {@code postgres}), otherwise an embedded PostgreSQL started once per test JVM.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    /** @return a factory on a fresh, empty H2 database with FastSync's schema */
    public static EntityManagerFactory h2() {
        return open(newH2Url(), "sa", "", true);
    }

    /** @return a factory on a fresh, empty PostgreSQL database with FastSync's schema */
    public static EntityManagerFactory postgres() {
        return open(newPostgresDatabase(), postgresUser(), "", true);
    }

    /** @return a factory on a fresh H2 database without any table: neither generation nor migration ran */
    public static EntityManagerFactory bareH2() {
        return open(newH2Url(), "sa", "", false);
    }

    /** @return a factory on a fresh PostgreSQL database without any table: neither generation nor migration ran */
    public static EntityManagerFactory barePostgres() {
        return open(newPostgresDatabase(), postgresUser(), "", false);
    }

    /** @return another factory (another instance's connections) on the PostgreSQL database at this URL */
    public static EntityManagerFactory barePostgresAt(String url) {
        return open(url, postgresUser(), "", false);
    }

    private static String newH2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static String newPostgresDatabase() {
        String base = postgresUrl();
        String db = "fs_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(base, postgresUser(), "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL test database at " + base, e);
        }
        return base.substring(0, base.lastIndexOf('/') + 1) + db;
    }

    private static synchronized String postgresUrl() {
        String local = System.getenv("FASTSYNC_TEST_PG_URL");
        if (local != null && !local.isBlank()) {
            return local;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    private static String postgresUser() {
        String user = System.getenv("FASTSYNC_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static EntityManagerFactory open(String url, String user, String password, boolean withSchema) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.user", user);
        props.put("jakarta.persistence.jdbc.password", password);
        if (!withSchema) {
            return Persistence.createEntityManagerFactory("fastsync", props);
        }
        // FastSync's tables come from its migration; the test entity's table from generation.
        props.put("jakarta.persistence.schema-generation.database.action", "create");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("fastsync", props);
        Engine.inTransaction(emf, io.fastsync.internal.schema.Schema::migrate);
        return emf;
    }
}
