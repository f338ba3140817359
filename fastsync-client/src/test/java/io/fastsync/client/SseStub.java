package io.fastsync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * A stand-in for the server on 127.0.0.1 with a change stream: {@code GET changes} speaks
 * Server-Sent Events as each connection's script says, {@code POST pull} answers with the objects
 * of type Item committed past the cursor. Both refuse a token {@link #accepts} does not take with
 * a {@code 401} problem, as the server does. Every request is recorded with its token and cursor.
 */
public final class SseStub implements AutoCloseable {

    /**
     * A request the stub answered.
     *
     * @param authorization its {@code Authorization} header; null if none
     * @param itemCursor    the version of its cursor of type Item; -1 if it has none
     * @param refused       true if it was answered {@code 401}
     */
    public record Request(String authorization, long itemCursor, boolean refused) {}

    /** What one change stream connection does, after its {@code 200}. */
    @FunctionalInterface
    public interface Script {
        void run(Stream stream) throws Exception;
    }

    /** One open change stream, as its script sees it. */
    public final class Stream {
        private final OutputStream body;

        private Stream(OutputStream body) {
            this.body = body;
        }

        public Stream send(String event, String data) throws IOException {
            body.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            body.flush();
            return this;
        }

        /** Keeps the stream open until the stub is closed. */
        public void hold() throws InterruptedException {
            stopped.await();
        }
    }

    public final List<Request> streams = new CopyOnWriteArrayList<>();
    public final List<Request> pulls = new CopyOnWriteArrayList<>();
    /** The objects of type Item on the server; a pull gets those past its cursor. */
    public final List<SyncObject> committed = new CopyOnWriteArrayList<>();
    /** Which {@code Authorization} headers are taken; others get {@code 401}. */
    public volatile Predicate<String> accepts = authorization -> true;

    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    public SseStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/fastsync/changes", this::stream);
        server.createContext("/fastsync/pull", this::pull);
        server.start();
    }

    /** @return the FastSync base of this stub */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fastsync");
    }

    /** The next accepted stream connection runs this; one with none left sends {@code ready} and stays open. */
    public SseStub thenStream(Script script) {
        scripts.add(script);
        return this;
    }

    /** @return the stream connections the stub took (not refused) */
    public List<Request> acceptedStreams() {
        return streams.stream().filter(r -> !r.refused()).toList();
    }

    private void stream(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        JsonObject metadata = Wire.json(URLDecoder.decode(
                query.substring(query.indexOf("metadata=") + "metadata=".length()), StandardCharsets.UTF_8));
        long cursor = metadata.containsKey("Item")
                ? metadata.getJsonObject("Item").getJsonNumber("version").longValue()
                : -1;
        if (refusedAfterRecording(exchange, cursor, streams)) {
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        Stream stream = new Stream(exchange.getResponseBody());
        try {
            Script script = scripts.poll();
            if (script == null) {
                stream.send("ready", "{}").hold();
            } else {
                script.run(stream);
            }
        } catch (IOException e) {
            // the client went away
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            exchange.close();
        }
    }

    private void pull(HttpExchange exchange) throws IOException {
        PullRequest request = RequestReader.readPull(
                Wire.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        long cursor = request.metadata().containsKey("Item")
                ? request.metadata().get("Item").version()
                : -1;
        if (refusedAfterRecording(exchange, cursor, pulls)) {
            return;
        }
        SyncObject[] past =
                committed.stream().filter(o -> o.metadata().version() > cursor).toArray(SyncObject[]::new);
        answer(
                exchange,
                200,
                "application/json",
                WireJson.text(out -> MessageWriter.writePullResponse(Wire.page(false, past), out)));
    }

    /**
     * Records the request; answers {@code 401}, with a detail that names the path, if its token
     * is not taken.
     *
     * @return true if it was refused
     */
    private boolean refusedAfterRecording(HttpExchange exchange, long cursor, List<Request> into) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean refused = !accepts.test(authorization);
        into.add(new Request(authorization, cursor, refused));
        if (refused) {
            answer(
                    exchange,
                    401,
                    "application/problem+json",
                    "{\"success\": false, \"status\": 401, \"code\": \"unauthenticated\","
                            + " \"detail\": \"the token expired ("
                            + exchange.getRequestURI().getPath()
                            + ")\", \"errors\": []}");
        }
        return refused;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
