package io.fastsync.system;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** {@link ChangeStreamAbuseContract} on the embedded default database. */
class ChangeStreamAbuseOnH2IT extends ChangeStreamAbuseContract {

    @BeforeAll
    static void start() throws Exception {
        startServer("streams-h2", Map.of(), null);
    }
}
