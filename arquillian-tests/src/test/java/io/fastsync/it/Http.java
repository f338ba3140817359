package io.fastsync.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the server under test, as any client would talk to it. */
final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: status, content type, parsed JSON body and every header. */
    record Answer(int status, String contentType, JsonObject body, java.net.http.HttpHeaders headers) {

        /** @return the first value of a header, or null */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Http() {}

    static Answer post(URI base, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A body of raw bytes, which need not be valid UTF-8. */
    static Answer postBytes(URI base, String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    static Answer get(URI base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static HttpResponse<String> getText(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** @return the body of a {@code GET} that must answer 200, as text */
    static String text(URI uri) {
        return ok(getText(uri));
    }

    /** Any method, no body. */
    static Answer send(URI uri, String method, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonObject json = text == null || text.isBlank() || !text.trim().startsWith("{")
                    ? null
                    : Json.createReader(new StringReader(text)).readObject();
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json,
                    response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
