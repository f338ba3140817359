package io.fastsync.client.transport;

import io.fastsync.wire.AnswerReader;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.WireFormatException;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The FastSync transport on {@link HttpClient}: {@code POST {base}/push} and
 * {@code POST {base}/pull} with JSON bodies. Build one with {@link #to(URI)}; it is thread-safe.
 */
public final class HttpSyncTransport implements SyncTransport {

    private static final String BEARER = "Bearer ";

    private final HttpClient client;
    private final URI pushUri;
    private final URI pullUri;
    private final String base;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final BearerTokens tokens;

    /**
     * The token a change stream was opened with when the server ended that stream because the
     * token expired; if the supplier gives it again, it is asked for a fresh one before sending.
     */
    private volatile String expiredToken;

    HttpSyncTransport(HttpTransportSettings settings) {
        String base = settings.baseUri().toString().replaceAll("/+$", "");
        this.pushUri = URI.create(base + "/push");
        this.pullUri = URI.create(base + "/pull");
        this.base = base;
        this.headers = Map.copyOf(settings.headers());
        this.requestTimeout = settings.requestTimeout();
        this.tokens = settings.tokens();
        // HTTP/1.1: an h2c upgrade on plain http buys nothing for two POSTs and trips some proxies.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /**
     * @param baseUri the server's FastSync base, such as {@code http://localhost:8080/fastsync}; never null
     * @return settings to complete with headers and timeouts, then {@link HttpTransportSettings#build()}
     */
    public static HttpTransportSettings to(URI baseUri) {
        return HttpTransportSettings.of(baseUri);
    }

    @Override
    public PullResponse pull(PullRequest request) {
        return read(
                exchange(pullUri, WireJson.text(out -> MessageWriter.writePull(request, out))),
                AnswerReader::readPullResponse);
    }

    @Override
    public PushResponse push(PushRequest request) {
        return read(
                exchange(pushUri, WireJson.text(out -> MessageWriter.writePush(request, out))),
                AnswerReader::readPushResponse);
    }

    /**
     * {@code GET {base}/changes?metadata=...}: a Server-Sent Events stream, read on the caller's
     * thread, with a token asked of the supplier for this connection. When the server ends the
     * stream because that token expired ({@code closing}, {@link ChangeEvents#TOKEN_EXPIRED}),
     * the next request asks the supplier for a fresh token ({@code refresh = true}) if it would
     * give the expired one again, rather than sending it to be refused.
     */
    @Override
    public ChangeEvents changes(PullRequest cursors) {
        String metadata = WireJson.parseRequest(
                        new java.io.ByteArrayInputStream(WireJson.text(out -> MessageWriter.writePull(cursors, out))
                                .getBytes(StandardCharsets.UTF_8)))
                .asJsonObject()
                .getJsonObject("metadata")
                .toString();
        URI uri =
                URI.create(base + "/changes?metadata=" + java.net.URLEncoder.encode(metadata, StandardCharsets.UTF_8));
        HttpResponse<java.io.InputStream> response = openStream(uri, false);
        if (response.statusCode() == 401 && tokens != null) {
            closeQuietly(response.body());
            response = openStream(uri, true);
        }
        if (response.statusCode() != 200) {
            String body;
            try (java.io.InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            HttpAnswers.successBody(uri, response.statusCode(), body);
            throw new UnexpectedAnswerException("the change stream answered " + response.statusCode(), null);
        }
        String sent = response.request().headers().firstValue("Authorization").orElse(null);
        return new SseEvents(uri, response.body(), () -> {
            if (sent != null && sent.startsWith(BEARER)) {
                expiredToken = sent.substring(BEARER.length());
            }
        });
    }

    private HttpResponse<java.io.InputStream> openStream(URI uri, boolean refreshToken) {
        return send(
                uri,
                HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .GET(),
                HttpResponse.BodyHandlers.ofInputStream(),
                refreshToken);
    }

    private static void closeQuietly(java.io.InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // a refused answer's body
        }
    }

    private JsonValue exchange(URI uri, String body) {
        HttpResponse<String> response = send(uri, body, false);
        if (response.statusCode() == 401 && tokens != null) {
            // The token may have expired since it was fetched: once more with a fresh one.
            response = send(uri, body, true);
        }
        return HttpAnswers.successBody(uri, response.statusCode(), response.body());
    }

    private HttpResponse<String> send(URI uri, String body, boolean refreshToken) {
        return send(
                uri,
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                refreshToken);
    }

    /** Sends with the transport's headers and token; no answer at all is {@link ServerUnreachableException}. */
    private <T> HttpResponse<T> send(
            URI uri, HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, boolean refreshToken) {
        headers.forEach(request::header);
        String token = token(refreshToken);
        if (token != null) {
            request.setHeader("Authorization", BEARER + token);
        }
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new ServerUnreachableException(
                    "no answer from " + uri + ": " + NetworkFailures.describe(e, requestTimeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for " + uri, e);
        }
    }

    /** @return the supplier's token, a fresh one if it gave the one a change stream was ended for; null for none */
    private String token(boolean refresh) {
        if (tokens == null) {
            return null;
        }
        String token = tokens.token(refresh);
        if (!refresh && token != null && token.equals(expiredToken)) {
            token = tokens.token(true);
        }
        return token;
    }

    private static <T> T read(JsonValue body, Function<JsonValue, T> reader) {
        try {
            return reader.apply(body);
        } catch (WireFormatException e) {
            throw new UnexpectedAnswerException(
                    "the answer is not a FastSync message: " + e.pointer() + " " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // JSON-P's getters throw ClassCastException or NullPointerException on a foreign shape.
            throw new UnexpectedAnswerException("the answer is not a FastSync message: " + e, e);
        }
    }
}
