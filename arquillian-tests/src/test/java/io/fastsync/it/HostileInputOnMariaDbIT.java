package io.fastsync.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HostileInputIT}'s suite against the standalone server on MariaDB (the {@code mariadb} tier). */
class HostileInputOnMariaDbIT {

    @Test
    void onMariaDb() throws Exception {
        try (MariaDbServer mariaDb = MariaDbServer.start()) {
            String url = mariaDb.newDatabase();
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile-mariadb");
            Map<String, String> env = new HashMap<>(HostileInputIT.limits());
            env.putAll(Map.of("FASTSYNC_DB_URL", url, "FASTSYNC_DB_USER", "root", "FASTSYNC_DB_PASSWORD", ""));
            ServerProcess server = new ServerProcess(env, dir.resolve("server.log")).start();
            try {
                HostileInputIT.suite(server, () -> DriverManager.getConnection(url, "root", ""));
            } finally {
                server.stop();
            }
        }
    }
}
