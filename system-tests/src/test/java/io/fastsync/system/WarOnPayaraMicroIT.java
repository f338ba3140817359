package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.Directories;
import io.fastsync.testsupport.server.PayaraMicroServer;
import io.fastsync.testsupport.server.Processes;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on Payara Micro as {@code bin/fastsync-server} runs it, on its default database:
 * H2 in a file under {@code FASTSYNC_DATA_DIR}, which the first release had created.
 */
class WarOnPayaraMicroIT extends DeployedServerContract {

    private static Path data;
    private static Map<String, String> settings;
    private static PayaraMicroServer server;

    @BeforeAll
    static void start() {
        data = Processes.buildDirectory().resolve("war-h2-data");
        Directories.delete(data);
        FirstReleaseDatabase.create("jdbc:h2:file:" + data.resolve("fastsync"), "fastsync", "fastsync");
        settings = withTelemetry(
                Map.of("FASTSYNC_DATA_DIR", data.toString(), "FASTSYNC_PUSH_MAX_OBJECTS", String.valueOf(MAX_OBJECTS)));
        server = PayaraMicroServer.deploying(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("fastsync.war")),
                Processes.buildDirectory().resolve("payara-micro-war.log"));
        server.start(settings);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected void restart() {
        server.stop();
        server.start(settings);
    }

    @Override
    protected void restart(Map<String, String> otherSettings) {
        server.stop();
        server.start(otherSettings);
    }

    @Override
    protected String serverLog() {
        return server.log();
    }

    @Test
    void startUpLogNamesTheEmbeddedDatabaseFile() {
        assertTrue(
                serverLog().contains("on H2 ") && serverLog().contains("jdbc:h2:file:" + data.resolve("fastsync")),
                serverLog());
    }
}
