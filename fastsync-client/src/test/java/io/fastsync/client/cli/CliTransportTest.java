package io.fastsync.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncPayload;
import io.fastsync.wire.WireJson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --token} and {@code FASTSYNC_TOKEN}, seen by a stub HTTP server. */
class CliTransportTest {

    private HttpServer stub;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    private String server() throws Exception {
        byte[] page = WireJson.text(out -> MessageWriter.writePullResponse(
                        new PullResponse(new SyncPayload(Map.of(), Map.of()), false), out))
                .getBytes(StandardCharsets.UTF_8);
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "none" : auth);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        stub.start();
        return "http://127.0.0.1:" + stub.getAddress().getPort() + "/fastsync";
    }

    private void pullWith(String environmentToken, String... args) {
        CliTransport.create(parsed(args), environmentToken)
                .pull(new PullRequest(Map.of("Item", SyncMetadata.cursor("Item", "z", 0)), null));
    }

    private static FastSyncCommand parsed(String... args) {
        FastSyncCommand command = new FastSyncCommand(System.out, System.err, null, null);
        FastSyncCli.commandLine(command, System.out, System.err).parseArgs(args);
        return command;
    }

    @Test
    void theTokenOptionWinsOverTheEnvironmentAndNeitherMeansNone() throws Exception {
        String server = server();
        pullWith("from-env", "--server", server, "--token", "from-option", "pull");
        pullWith("from-env", "--server", server, "pull");
        pullWith(null, "--server", server, "pull");
        assertEquals(List.of("Bearer from-option", "Bearer from-env", "none"), authorizations);
        assertNull(parsed("pull").token());
    }

    /** {@code --token @FILE} names a token file, read before each call; it is not an argument file. */
    @Test
    void aTokenFileIsReadAtEachCall(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String server = server();
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("token"), "from-file\n");
        pullWith("from-env", "pull", "--server", server, "--token", "@" + file);
        assertEquals(List.of("Bearer from-file"), authorizations);
    }
}
