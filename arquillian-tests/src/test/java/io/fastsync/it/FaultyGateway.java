package io.fastsync.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy in front of the server under test, as a load balancer or gateway would be,
 * that can be told to fail the next pushes: after the server applied them (the answer is lost on
 * the way back) or before they reach it. Pulls always pass through.
 */
final class FaultyGateway implements AutoCloseable {

    /** What happens to one push. */
    enum Fault {
        /** Forwarded; the server's answer reaches the client. */
        NONE,
        /** Forwarded and applied by the server; the client gets a 502 in its place. */
        ANSWER_LOST,
        /** Never forwarded; the client gets a 503. */
        NOT_FORWARDED
    }

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Deque<Fault> pushFaults = new ArrayDeque<>();
    private final AtomicInteger forwardedPushes = new AtomicInteger();

    /** @param target the FastSync base of the real server, ending in a slash */
    FaultyGateway(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the gateway's FastSync base, to give a client instead of the server's */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Scripts the next pushes, one fault each, in order; later pushes pass. */
    synchronized FaultyGateway thenPushes(Fault... faults) {
        pushFaults.addAll(java.util.List.of(faults));
        return this;
    }

    /** @return how many pushes reached the server */
    int forwardedPushes() {
        return forwardedPushes.get();
    }

    private synchronized Fault nextFault(String path) {
        if (!path.endsWith("push")) {
            return Fault.NONE;
        }
        Fault fault = pushFaults.poll();
        return fault == null ? Fault.NONE : fault;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = nextFault(path);
            if (fault == Fault.NOT_FORWARDED) {
                answer(exchange, 503, "text/html", "<html><body>503 Service Unavailable</body></html>");
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : new String[] {"Content-Type", "Accept", "Idempotency-Key"}) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            HttpResponse<String> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            if (path.endsWith("push")) {
                forwardedPushes.incrementAndGet();
            }
            if (fault == Fault.ANSWER_LOST) {
                answer(exchange, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
                return;
            }
            answer(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
