package io.fastsync.system;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the change-stream suites share: one server for the suite, stopped after it, and each test
 * starting once the server holds no stream of the tests before it.
 */
abstract class ChangeStreamSuite {

    static ChangeStreamServer server;
    static URI base;

    static void use(ChangeStreamServer started) {
        server = started;
        base = started.base();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void noStreamIsOpen() throws Exception {
        server.awaitNoStreams();
    }
}
