package io.fastsync.rest;

import io.fastsync.wire.WireJson;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.function.Consumer;

/** Answers streamed straight from the JSON generator, so a large page is never built as a string. */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    public static Response of(int status, MediaType type, Consumer<JsonGenerator> writer) {
        StreamingOutput body = out -> {
            try (JsonGenerator g = WireJson.generator(out)) {
                writer.accept(g);
            }
        };
        return Response.status(status).type(type).entity(body).build();
    }

    public static Response ok(Consumer<JsonGenerator> writer) {
        return of(200, MediaType.APPLICATION_JSON_TYPE, writer);
    }
}
