package io.fastsync.testsupport.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber of {@code GET changes}, read as any Server-Sent Events client reads it: one
 * thread parses the stream into events, which a test takes in order.
 */
public final class ChangeStream implements AutoCloseable {

    /** One event: its name, and its data as JSON (null for a comment). */
    public record Event(String name, JsonObject data) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChangeStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "change-stream");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Subscribes with a pull's metadata object (as JSON); returns once the server answered. */
    public static ChangeStream open(URI base, String metadata, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        base.resolve("changes?metadata=" + URLEncoder.encode(metadata, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new ChangeStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cursor of one type, as a pull's metadata object has it. */
    public static String cursor(String type, String zone, long version) {
        return "{\"" + type + "\": {\"syncZone\": \"" + zone + "\", \"version\": " + version + "}}";
    }

    /** @return the status of the answer to the subscription */
    public int status() {
        return response.statusCode();
    }

    /** @return the first value of an answer's header, or null */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** @return the problem body of a refused subscription */
    public JsonObject problem() {
        try (InputStream in = response.body()) {
            return Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the next event other than a heartbeat, or null if none comes within the time */
    public Event next(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || !"comment".equals(e.name())) {
                return e;
            }
        }
    }

    /** @return the next event, heartbeats included, or null if none comes within the time */
    public Event nextOrHeartbeat(Duration within) throws InterruptedException {
        return events.poll(within.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(
                                name,
                                Json.createReader(new StringReader(data.toString()))
                                        .readObject()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event("comment", null));
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            events.add(new Event("end", null));
        } catch (IOException e) {
            events.add(new Event("end", null));
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the stream is gone already
        }
        reader.interrupt();
    }
}
