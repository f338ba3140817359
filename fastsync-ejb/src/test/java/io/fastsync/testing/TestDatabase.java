package io.fastsync.testing;

import io.fastsync.testsupport.DatabaseServer;
import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real database for engine tests: H2 in memory, PostgreSQL or MariaDB. PostgreSQL and MariaDB come from
 * {@link TestDatabases}: a fresh database on the server {@code FASTSYNC_TEST_PG_URL} or {@code
 * FASTSYNC_TEST_MARIADB_URL} names, or on an embedded server started once per test JVM. The databases
 * made on a named server are dropped when the JVM ends; an embedded server is stopped then.
 */
public final class TestDatabase {

    private static DatabaseServer postgres;
    private static DatabaseServer mariaDb;

    private TestDatabase() {}

    /** @return a factory on a fresh, empty H2 database with FastSync's schema */
    public static EntityManagerFactory h2() {
        return open(newH2Url(), "sa", "", true);
    }

    /** @return a factory on a fresh, empty PostgreSQL database with FastSync's schema */
    public static EntityManagerFactory postgres() {
        return open(postgresServer().newDatabase(), true);
    }

    /** @return a factory on a fresh H2 database without any table: neither generation nor migration ran */
    public static EntityManagerFactory bareH2() {
        return open(newH2Url(), "sa", "", false);
    }

    /** @return a factory on a fresh PostgreSQL database without any table: neither generation nor migration ran */
    public static EntityManagerFactory barePostgres() {
        return open(postgresServer().newDatabase(), false);
    }

    /** @return another factory (another instance's connections) on the PostgreSQL database at this URL */
    public static EntityManagerFactory barePostgresAt(String url) {
        DatabaseServer server = postgresServer();
        return open(url, server.user(), server.password(), false);
    }

    /** @return a factory on a fresh, empty MariaDB database with FastSync's schema */
    public static EntityManagerFactory mariaDb() {
        return newMariaDb(true);
    }

    /** @return a factory on a fresh MariaDB database without any table */
    public static EntityManagerFactory bareMariaDb() {
        return newMariaDb(false);
    }

    /** @return another factory (another instance's connections) on the MariaDB database at this URL */
    public static EntityManagerFactory bareMariaDbAt(String url) {
        DatabaseServer server = mariaDbServer();
        return open(url, server.user(), server.password(), false);
    }

    private static FreshDatabase shared;

    /** @return a plain JDBC connection to one PostgreSQL database that every call of this JVM shares */
    public static synchronized java.sql.Connection postgresConnection() throws java.sql.SQLException {
        if (shared == null) {
            shared = postgresServer().newDatabase();
        }
        return shared.connect();
    }

    private static synchronized DatabaseServer postgresServer() {
        if (postgres == null) {
            postgres = closedAtExit(TestDatabases.postgresServer());
        }
        return postgres;
    }

    private static synchronized DatabaseServer mariaDbServer() {
        if (mariaDb == null) {
            mariaDb = closedAtExit(TestDatabases.mariaDbServer());
        }
        return mariaDb;
    }

    /**
     * A database in the server's default character set and collation, as an administrator would create
     * it: FastSync's schema must make its keys exact by itself.
     */
    private static EntityManagerFactory newMariaDb(boolean withSchema) {
        FreshDatabase database = mariaDbServer().newDatabase();
        return open(readCommitted(database.url()), database.user(), database.password(), withSchema);
    }

    private static DatabaseServer closedAtExit(DatabaseServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "close " + server));
        return server;
    }

    /** MariaDB's connections read committed data, as FastSync needs (see docs/deploying.md, on its schema). */
    private static String readCommitted(String url) {
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=tx_isolation='READ-COMMITTED'";
    }

    private static String newH2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static EntityManagerFactory open(FreshDatabase database, boolean withSchema) {
        return open(database.url(), database.user(), database.password(), withSchema);
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
