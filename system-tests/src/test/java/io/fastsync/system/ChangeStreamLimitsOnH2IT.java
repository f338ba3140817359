package io.fastsync.system;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamLimitsContract} on the embedded default database. */
class ChangeStreamLimitsOnH2IT extends ChangeStreamLimitsContract {

    @BeforeAll
    static void start() throws Exception {
        startServer("stream-limits-h2", Map.of(), null);
    }
}
