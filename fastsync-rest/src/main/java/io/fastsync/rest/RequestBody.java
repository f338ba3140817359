package io.fastsync.rest;

import io.fastsync.error.PushTooLargeException;
import io.fastsync.rest.error.MalformedJsonException;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.function.Supplier;

/**
 * Reads a request body as UTF-8 JSON whatever its declared content type (some old clients send
 * {@code text/plain}), stopping at a size limit instead of buffering whatever arrives.
 */
final class RequestBody {

    private RequestBody() {}

    /**
     * @param maxBytes the largest body accepted
     * @throws PushTooLargeException  past the limit
     * @throws MalformedJsonException if the body is not JSON
     */
    static JsonValue read(InputStream body, long maxBytes) {
        return parsed(() -> WireJson.parseRequest(new Limited(body, maxBytes)));
    }

    /**
     * Reads JSON text already decoded, such as a query parameter, as a body is read and refused.
     *
     * @throws MalformedJsonException if the text is not JSON
     */
    static JsonValue read(String text) {
        return parsed(() -> WireJson.parseRequest(new StringReader(text)));
    }

    private static JsonValue parsed(Supplier<JsonValue> parse) {
        try {
            return parse.get();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new MalformedJsonException((at == null
                            ? "the body is not valid JSON"
                            : "the body is not valid JSON at line " + at.getLineNumber() + ", column "
                                    + at.getColumnNumber())
                    + (e.getMessage() != null && e.getMessage().startsWith("more than one")
                            ? ": more than one JSON document"
                            : ""));
        } catch (WireJson.BeyondLimits e) {
            throw new MalformedJsonException("the body's JSON is beyond what the server reads: " + e.getMessage());
        } catch (JsonException e) {
            if (e.getCause() instanceof TooLarge tooLarge) {
                throw new PushTooLargeException(
                        null, null, "", "the body is larger than " + tooLarge.maxBytes + " bytes");
            }
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new MalformedJsonException("the body is not valid UTF-8");
            }
            throw new MalformedJsonException(
                    e.getMessage() == null || e.getMessage().isBlank()
                            ? "the body is empty or not JSON"
                            : "the body is not valid JSON");
        }
    }

    private static final class TooLarge extends IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("body too large");
            this.maxBytes = maxBytes;
        }
    }

    /** Counts bytes and fails once there are more than the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long seen;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            seen += n;
            if (seen > max) {
                throw new TooLarge(max);
            }
        }
    }
}
