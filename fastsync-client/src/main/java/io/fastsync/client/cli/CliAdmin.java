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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fastsync admin ...}: the server's admin API ({@code GET admin/...}) with the tool's
 * {@code --server}, {@code --token} and {@code --header}; prints the answer's JSON.
 */
@Command(
        name = "admin",
        synopsisSubcommandLabel = "WHAT",
        description = "Ask the server's admin API (an admin's token; no --store) and print its JSON answer.")
final class CliAdmin implements Callable<Integer> {

    static final String WHAT = "types, zones TYPE [AFTER], object TYPE ZONE ID, refusals or conflicts";

    @ParentCommand
    private FastSyncCommand options;

    @Spec
    private CommandSpec spec;

    /** {@code admin} alone. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "admin asks for " + WHAT);
    }

    @Command(name = "types", description = "The types the server syncs.")
    void types() {
        get("admin/types");
    }

    @Command(name = "zones", description = "A type's zones, --limit at a time (default 100), after the zone AFTER.")
    void zones(
            @Parameters(paramLabel = "TYPE") String type,
            @Parameters(paramLabel = "AFTER", arity = "0..1") String after) {
        get("admin/types/" + segment(type) + "/zones?limit=" + (options.limit() == null ? 100 : options.limit())
                + (after != null ? "&after=" + query(after) : ""));
    }

    @Command(name = "object", description = "One object as a pull sends it, tombstones too.")
    void object(
            @Parameters(paramLabel = "TYPE") String type,
            @Parameters(paramLabel = "ZONE") String zone,
            @Parameters(paramLabel = "ID") String id) {
        get("admin/types/" + segment(type) + "/zones/" + segment(zone) + "/objects/" + segment(id));
    }

    @Command(name = "refusals", description = "The last 100 requests this server instance refused.")
    void refusals() {
        get("admin/refusals");
    }

    @Command(name = "conflicts", description = "The last 100 conflicts pushes met on this server instance.")
    void conflicts() {
        get("admin/conflicts");
    }

    private void get(String path) {
        FastSyncCommand a = options;
        PrintStream out = a.out;
        String environmentToken = a.environmentToken;
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
