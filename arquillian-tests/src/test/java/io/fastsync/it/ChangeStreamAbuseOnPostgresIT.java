package io.fastsync.it;

import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamAbuseContract} on PostgreSQL, where commits also reach streams through the relay. */
class ChangeStreamAbuseOnPostgresIT extends ChangeStreamAbuseContract {

    @BeforeAll
    static void start() throws Exception {
        TestPostgres pg = TestPostgres.start("streams");
        startServer("streams-pg", pg.serverEnvironment(), pg);
    }
}
