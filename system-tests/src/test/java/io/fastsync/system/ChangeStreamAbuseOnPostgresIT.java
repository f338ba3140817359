package io.fastsync.system;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamAbuseContract} on PostgreSQL, where commits also reach streams through the relay. */
class ChangeStreamAbuseOnPostgresIT extends ChangeStreamAbuseContract {

    @BeforeAll
    static void start() throws Exception {
        FreshDatabase pg = TestDatabases.postgres();
        startServer("streams-pg", pg.serverEnvironment(), pg);
    }
}
