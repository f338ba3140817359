package io.fastsync.rest;

import io.fastsync.wire.WireJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Answers streamed as they are written, so that a large page is never held whole as a string. */
public final class JsonAnswer {

    private JsonAnswer() {}

    /** A 200 answer written as text, buffered and UTF-8 (see {@link Utf8Writer}), for writers that do without a generator. */
    public static Response okText(WireJson.TextMessage message) {
        return okText(message, bytes -> {});
    }

    /** @param written told how many bytes the answer had, once it is written */
    public static Response okText(WireJson.TextMessage message, LongConsumer written) {
        StreamingOutput body = out -> {
            CountingStream counted = new CountingStream(out);
            Utf8Writer text = new Utf8Writer(counted);
            message.writeTo(text);
            text.flush();
            written.accept(counted.count);
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
