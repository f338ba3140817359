package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.Processes;
import io.fastsync.testsupport.server.WildFlyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The WildFly form of the standalone server ({@code fastsync-server-wildfly}), as built, in the
 * deployments directory of a WildFly server with its default configuration, pointed at
 * PostgreSQL by the same {@code FASTSYNC_DB_*} environment variables as on Payara. Last, the same
 * deployment without any database setting, on its embedded H2.
 */
class WarOnWildFlyIT extends DeployedServerContract {

    private static FreshDatabase postgres;
    private static Map<String, String> onPostgres;
    private static WildFlyServer server;

    @BeforeAll
    static void deployOnPostgres() throws IOException, SQLException {
        postgres = TestDatabases.postgres();
        onPostgres = withTelemetry(FirstReleaseDatabase.onPostgres(postgres, MAX_OBJECTS));
        server = WildFlyServer.withDeployment(Path.of(System.getProperty("fastsync.wildflyWar")));
        long started = System.nanoTime();
        server.start(onPostgres);
        System.out.println(
                "WildFly started with fastsync.war answering in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stopAll() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected void restart() {
        server.restart(onPostgres);
    }

    @Override
    protected void restart(Map<String, String> settings) {
        server.restart(settings);
    }

    @Override
    protected String serverLog() {
        return server.log();
    }

    @Test
    void startUpLogNamesPostgreSQLAndWildFlysJpaProvider() {
        String log = serverLog();
        assertTrue(
                log.contains("FastSync serves Item (restricted, last-writer-wins) on PostgreSQL"),
                "see " + server.serverLog());
        assertTrue(log.contains("Hibernate ORM core version"), "the engine runs on WildFly's own provider");
    }

    /** WildFly serves MicroProfile Health on its management interface, FastSync's readiness among the checks. */
    @Test
    void readinessIsServedOnTheManagementInterface() {
        Http.Answer ready = Http.get(server.management(), "health/ready");
        assertEquals(200, ready.status(), ready.text());
        assertEquals("UP", ready.body().getString("status"));
        assertTrue(ready.text().contains("\"fastsync\""), ready.text());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withoutDatabaseSettingsTheSameDeploymentUsesItsEmbeddedH2() {
        assertRestartedWithoutSettingsItUsesItsEmbeddedH2(
                Processes.buildDirectory().resolve("wildfly-h2-data"));
    }
}
