package io.fastsync.it;

import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamLimitsContract} on PostgreSQL. */
class ChangeStreamLimitsOnPostgresIT extends ChangeStreamLimitsContract {

    @BeforeAll
    static void start() throws Exception {
        TestPostgres pg = TestPostgres.start("stream_limits");
        startServer("stream-limits-pg", pg.serverEnvironment(), pg);
    }
}
