package io.fastsync.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL of a test's own (zonky's binaries), listening on 127.0.0.1 on a port of its own,
 * as user {@code postgres}; always embedded, never the server {@code FASTSYNC_TEST_PG_URL} names. A test
 * takes one from {@link TestDatabases#ownPostgres()} only when it stops and starts the database server
 * itself: {@link #stop()} and {@link #start()} keep its data and its port, so a FastSync server pointed at
 * {@link #url()} finds it again. Closing it stops it and deletes its files.
 *
 * <p>It is also the embedded server behind {@link TestDatabases#postgres()} when no server is named.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path directory;
    private final Map<String, String> settings;
    private int port;
    private EmbeddedPostgres running;

    private OwnPostgres(Path directory, Map<String, String> settings) {
        this.directory = directory;
        this.settings = Map.copyOf(settings);
    }

    /** @param settings server settings besides this class's own, which they override */
    static OwnPostgres launch(Map<String, String> settings) {
        OwnPostgres own;
        try {
            own = new OwnPostgres(
                    Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-pg"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        own.start();
        return own;
    }

    /** Starts the server again on its data and port after {@link #stop()}; does nothing while it runs. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The embedded default turns it off; a test's commit is as durable as on a real server.
                .setServerConfig("synchronous_commit", "on");
        settings.forEach(builder::setServerConfig);
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            running = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
        }
        port = running.getPort();
    }

    /** Stops the server (a fast shutdown: connections are ended), keeping its data; does nothing if stopped. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + directory, e);
        } finally {
            running = null;
        }
    }

    /** @return the JDBC URL of database {@code postgres}, the same across {@link #stop()} and {@link #start()} */
    public synchronized String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** @return a password, which the server does not ask for (it trusts connections from 127.0.0.1) */
    public String password() {
        return "postgres";
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            Directories.delete(directory);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL at " + url();
    }
}
