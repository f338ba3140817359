package io.fastsync.system;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.server.PayaraMicroServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HostileInputIT}'s suite against the standalone server on MariaDB (the {@code mariadb} tier). */
class HostileInputOnMariaDbIT {

    @Test
    void onMariaDb() throws Exception {
        try (FreshDatabase mariaDb = TestDatabases.mariaDb()) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "hostile-mariadb");
            Map<String, String> env = new HashMap<>(HostileInputIT.limits());
            env.putAll(mariaDb.serverEnvironment());
            PayaraMicroServer server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
            try {
                HostileInputIT.suite(server, mariaDb::connect);
            } finally {
                server.stop();
            }
        }
    }
}
