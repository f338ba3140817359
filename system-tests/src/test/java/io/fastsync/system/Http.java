package io.fastsync.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the deployed server, as any client talks to it. */
final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * An answer.
     *
     * @param body the parsed JSON body; null when the body is not a JSON object
     */
    record Answer(int status, String contentType, JsonObject body, String text) {}

    private Http() {}

    /** @param headers name, value, name, value... */
    static Answer post(URI base, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    static Answer get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    /** @throws IOException when nothing answers at all */
    static Answer tryPost(URI base, String path, String body) throws IOException {
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
                    text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
