package io.fastsync.testsupport.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against the server under test, as any client talks to it: one JDK client, every
 * answer read whole.
 */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * An answer.
     *
     * @param contentType the {@code Content-Type} header, or the empty string
     * @param body        the parsed JSON body; null when the body is not a JSON object
     * @param text        the body as text, the empty string when there is none
     * @param headers     every header of the answer
     */
    public record Answer(int status, String contentType, JsonObject body, String text, HttpHeaders headers) {

        /** @return the first value of a header, or null */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Http() {}

    /**
     * A {@code POST} of a body, as a client sends JSON: with {@code Content-Type: application/json}
     * unless the headers give a {@code Content-Type} of their own.
     *
     * @param headers name, value, name, value...
     */
    public static Answer post(URI base, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A {@code POST} of raw bytes, which need not be valid UTF-8, as {@code application/json}. */
    public static Answer postBytes(URI base, String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /**
     * A {@code GET}.
     *
     * @param headers name, value, name, value...
     */
    public static Answer get(URI base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** @return the body of a {@code GET} that must answer 200, as text; an {@link AssertionError} otherwise */
    public static String text(URI uri) {
        Answer answer = send(HttpRequest.newBuilder(uri).GET().build());
        if (answer.status() != 200) {
            throw new AssertionError("GET " + uri + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.text();
    }

    /** Any method, no body. */
    public static Answer send(URI uri, String method, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /**
     * A {@code POST} like {@link #post}, for a server that may not listen yet.
     *
     * @throws IOException when nothing answers at all
     */
    public static Answer tryPost(URI base, String path, String body) throws IOException {
        try {
            return post(base, path, body);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            JsonObject json = text.trim().startsWith("{")
                    ? Json.createReader(new StringReader(text)).readObject()
                    : null;
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json,
                    text,
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
