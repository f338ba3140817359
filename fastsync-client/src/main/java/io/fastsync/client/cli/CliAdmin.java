package io.fastsync.client.cli;

import io.fastsync.client.transport.HttpAnswers;
import io.fastsync.client.transport.ServerUnreachableException;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code fastsync admin ...}: the server's admin API ({@code GET admin/...}) with the tool's
 * {@code --server}, {@code --token} and {@code --header}; prints the answer's JSON.
 */
final class CliAdmin {

    static final String WHAT = "types, zones TYPE [AFTER], object TYPE ZONE ID, refusals or conflicts";

    private CliAdmin() {}

    static void run(CliArguments a, String environmentToken, PrintStream out) {
        String what = a.operand(0, "what to ask: " + WHAT);
        String path = switch (what) {
            case "types" -> "admin/types";
            case "zones" ->
                "admin/types/" + segment(a.operand(1, "a type")) + "/zones?limit="
                        + (a.limit() == null ? 100 : a.limit())
                        + (a.operands().size() > 2
                                ? "&after=" + query(a.operands().get(2))
                                : "");
            case "object" ->
                "admin/types/" + segment(a.operand(1, "a type")) + "/zones/" + segment(a.operand(2, "a zone"))
                        + "/objects/" + segment(a.operand(3, "an id"));
            case "refusals" -> "admin/refusals";
            case "conflicts" -> "admin/conflicts";
            default -> throw new UsageException("admin asks for " + WHAT + "; not '" + what + "'");
        };
        if (a.server() == null) {
            throw new UsageException("--server URL is needed for admin");
        }
        String base = a.server().endsWith("/") ? a.server() : a.server() + "/";
        URI uri;
        try {
            uri = URI.create(base).resolve(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server needs an http:// or https:// URL, found '" + a.server() + "'");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofSeconds(a.timeoutSeconds() == null ? 60 : a.timeoutSeconds()));
        for (var header : a.headerPairs()) {
            request.header(header.getKey(), header.getValue());
        }
        String token = a.token() != null ? a.token() : environmentToken;
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServerUnreachableException(uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(uri + ": interrupted", e);
        }
        JsonValue body = HttpAnswers.successBody(uri, answer.statusCode(), answer.body());
        out.println(body);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
