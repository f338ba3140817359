package io.fastsync.system;

import io.fastsync.testsupport.FreshDatabase;
import io.fastsync.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamLimitsContract} on PostgreSQL. */
class ChangeStreamLimitsOnPostgresIT extends ChangeStreamLimitsContract {

    @BeforeAll
    static void start() throws Exception {
        FreshDatabase pg = TestDatabases.postgres();
        startServer("stream-limits-pg", pg.serverEnvironment(), pg);
    }
}
