package io.fastsync.client.transport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
    private volatile boolean closed;

    SseEvents(URI uri, InputStream body) {
        this.uri = uri;
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
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

    private static Event event(String name, String data) {
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
