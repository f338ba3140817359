package io.fastsync.rest;

import io.fastsync.wire.WireJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Answers streamed as they are written, so that a large page is never held whole as a string. */
public final class JsonAnswer {

    private JsonAnswer() {}

    /** A 200 answer written as text, buffered and UTF-8 (see {@link Utf8Writer}), for writers that do without a generator. */
    public static Response okText(WireJson.TextMessage message) {
        StreamingOutput body = out -> {
            Utf8Writer text = new Utf8Writer(out);
            message.writeTo(text);
            text.flush();
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
