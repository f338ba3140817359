package io.fastsync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database a test made for itself on a {@link DatabaseServer}: empty when made, dropped when closed
 * (and, when it came from {@link TestDatabases#postgres()} or {@link TestDatabases#mariaDb()}, its server
 * closed with it).
 */
public final class FreshDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final String name;
    private final boolean ownsServer;

    FreshDatabase(DatabaseServer server, String name, boolean ownsServer) {
        this.server = server;
        this.name = name;
        this.ownsServer = ownsServer;
    }

    /** @return the JDBC URL of this database */
    public String url() {
        return server.urlOf(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** @return the database's name on its server */
    public String name() {
        return name;
    }

    /** @return a new connection to this database */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /**
     * @return the variables that point a FastSync server process at this database: {@code
     *     FASTSYNC_DB_URL}, {@code FASTSYNC_DB_USER} and {@code FASTSYNC_DB_PASSWORD}
     */
    public Map<String, String> serverEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FASTSYNC_DB_URL", url());
        environment.put("FASTSYNC_DB_USER", user());
        environment.put("FASTSYNC_DB_PASSWORD", password());
        return environment;
    }

    /**
     * A backup of this database, as an operator would keep one: a copy on the same server, made with
     * PostgreSQL's {@code CREATE DATABASE ... TEMPLATE}, which needs nobody connected to this one. PostgreSQL
     * only.
     *
     * @return the copy, dropped when closed or when the server is
     */
    public FreshDatabase backup() {
        return server.copyOf(name);
    }

    /**
     * Puts the backup given back in this database's place, under this database's name and URL: this one is
     * dropped (its connections ended first) and made again from the backup. PostgreSQL only.
     */
    public void restoreFrom(FreshDatabase backup) {
        server.replace(name, backup.name);
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        } else {
            server.drop(name);
        }
    }

    @Override
    public String toString() {
        return url();
    }
}
