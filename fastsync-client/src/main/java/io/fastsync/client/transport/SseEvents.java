package io.fastsync.client.transport;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A change stream read as Server-Sent Events: {@code event:} and {@code data:} lines, an empty line ends each. */
final class SseEvents implements ChangeEvents {

    private final URI uri;
    private final InputStream body;
    private final BufferedReader lines;
    private final Runnable tokenExpired;
    private volatile boolean closed;

    /** @param tokenExpired run when the server ends the stream because its token expired */
    SseEvents(URI uri, InputStream body, Runnable tokenExpired) {
        this.uri = uri;
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.tokenExpired = tokenExpired;
    }

    @Override
    public Event next() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        return event(name, data.toString());
                    }
                    name = "message";
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                }
            }
            return null;
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            throw new ServerUnreachableException("the change stream from " + uri + " broke: " + e, e);
        }
    }

    private Event event(String name, String data) {
        if ("closing".equals(name)) {
            Event closing = new Event(name, null, null, 0, reason(data));
            if (ChangeEvents.TOKEN_EXPIRED.equals(closing.reason())) {
                tokenExpired.run();
            }
            return closing;
        }
        if (!"changed".equals(name)) {
            return new Event(name, null, null, 0);
        }
        JsonObject o = Json.createReader(new StringReader(data)).readObject();
        return new Event(
                name,
                o.getString("type"),
                o.getString("syncZone"),
                o.getJsonNumber("version").longValue());
    }

    /** @return the {@code reason} of a {@code closing} event's data; null if it has none, or is not a JSON object */
    private static String reason(String data) {
        try {
            JsonValue json = Json.createReader(new StringReader(data)).readValue();
            return json instanceof JsonObject o && o.get("reason") instanceof JsonString reason
                    ? reason.getString()
                    : null;
        } catch (JsonException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // the stream is gone already
        }
    }
}
