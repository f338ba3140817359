package io.fastsync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PostgreSQL or MariaDB server that makes fresh databases for tests: the server the environment names
 * or an embedded one (see {@link TestDatabases}). Closing it drops every database it made on a named
 * server, ending their connections first, or stops the embedded server and deletes its files. Safe to use
 * from several threads.
 */
public final class DatabaseServer implements AutoCloseable {

    /** How long dropping a database keeps ending connections that come back before it gives up. */
    private static final int DROP_ATTEMPTS = 50;

    private final boolean postgres;
    /** A URL on the server to create and drop databases through. */
    private final String adminUrl;

    private final String user;
    private final String password;
    /** The embedded server, stopped on close; {@code null} for the server the environment names. */
    private final AutoCloseable embedded;

    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private DatabaseServer(boolean postgres, String adminUrl, String user, String password, AutoCloseable embedded) {
        this.postgres = postgres;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static DatabaseServer postgres(Map<String, String> environment) {
        String named = environment.get("FASTSYNC_TEST_PG_URL");
        if (named != null && !named.isBlank()) {
            return new DatabaseServer(true, named, setOr(environment, "FASTSYNC_TEST_PG_USER", "postgres"), "", null);
        }
        OwnPostgres own = OwnPostgres.launch(Map.of());
        return new DatabaseServer(true, own.url(), own.user(), own.password(), own);
    }

    static DatabaseServer mariaDb(Map<String, String> environment) {
        String named = environment.get("FASTSYNC_TEST_MARIADB_URL");
        if (named != null && !named.isBlank()) {
            return new DatabaseServer(false, named, setOr(environment, "FASTSYNC_TEST_MARIADB_USER", "root"), "", null);
        }
        EmbeddedMariaDb own = EmbeddedMariaDb.start();
        return new DatabaseServer(false, own.url(), "root", "", own);
    }

    private static String setOr(Map<String, String> environment, String name, String otherwise) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** @return a fresh, empty database on this server, dropped when closed or when this server is */
    public FreshDatabase newDatabase() {
        return new FreshDatabase(this, create(""), false);
    }

    FreshDatabase newDatabaseOwningServer() {
        try {
            return new FreshDatabase(this, create(""), true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return whether this is the embedded server started for the tests rather than one the environment named */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** @return the user the databases are made and used as */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** @return the URL of the database of this name on this server, with the named URL's parameters */
    String urlOf(String database) {
        int authority = adminUrl.indexOf("//") + 2;
        int query = adminUrl.indexOf('?', authority);
        String withoutQuery = query < 0 ? adminUrl : adminUrl.substring(0, query);
        int path = withoutQuery.indexOf('/', authority);
        String server = path < 0 ? withoutQuery : withoutQuery.substring(0, path);
        return server + "/" + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    FreshDatabase copyOf(String database) {
        requirePostgres("a backup");
        return new FreshDatabase(this, create(" TEMPLATE " + database), false);
    }

    void replace(String database, String backup) {
        requirePostgres("a restore");
        drop(database);
        execute("CREATE DATABASE " + database + " TEMPLATE " + backup);
        made.add(database);
    }

    private void requirePostgres(String what) {
        if (!postgres) {
            throw new UnsupportedOperationException(what + " is made with PostgreSQL's CREATE DATABASE ... TEMPLATE");
        }
    }

    private String create(String clause) {
        String database = "fs_" + UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the database server is closed");
            }
            made.add(database);
        }
        execute("CREATE DATABASE " + database + clause);
        return database;
    }

    private void execute(String sql) {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed at " + adminUrl, e);
        }
    }

    /** Drops the database, ending its connections first, and those that come back meanwhile. */
    void drop(String database) {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            for (int attempt = 1; ; attempt++) {
                disconnect(c, database);
                try {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                    made.remove(database);
                    return;
                } catch (SQLException e) {
                    if (attempt == DROP_ATTEMPTS) {
                        throw e;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database + " at " + adminUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping test database " + database, e);
        }
    }

    private Connection admin() throws SQLException {
        Connection c = DriverManager.getConnection(adminUrl, user, password);
        if (!postgres) {
            try (Statement s = c.createStatement()) {
                // A connection that holds a lock on the database makes DROP wait; not for a year, the default.
                s.execute("SET SESSION lock_wait_timeout = 5");
            }
        }
        return c;
    }

    /** Ends every other connection to the database. */
    private void disconnect(Connection c, String database) throws SQLException {
        if (postgres) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
                s.setString(1, database);
                s.executeQuery().close();
            }
            return;
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()")) {
            s.setString(1, database);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        for (long id : ids) {
            try (Statement s = c.createStatement()) {
                s.execute("KILL CONNECTION " + id);
            } catch (SQLException gone) {
                // it ended meanwhile
            }
        }
    }

    /** Drops what this server made (on a named server) or stops it (an embedded one). Closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the embedded database server", e);
            }
            return;
        }
        IllegalStateException failed = null;
        for (String database : List.copyOf(made)) {
            try {
                drop(database);
            } catch (IllegalStateException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public String toString() {
        return (postgres ? "PostgreSQL" : "MariaDB") + (embedded != null ? " (embedded) " : " ") + adminUrl;
    }
}
