package io.fastsync.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A lean FastSync client for measuring: plain HTTP/1.1 on a kept-alive socket per thread, with
 * prepared bodies, reading only what it needs from the answers (status, cursor, hasMore, counts),
 * so that the client's own work takes as little as it can of the CPU that the server and the
 * database share with it. (The JDK's HttpClient took a third more time per page here.) It stays
 * apart from test-support's {@code Http}, a test helper on the JDK's client that reads every answer whole.
 */
final class Http {

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    /** An answer: its status and body. Searched as Latin-1 text, whose {@code indexOf} the JVM runs vectorised. */
    record Answer(int status, byte[] body, String latin1) {
        Answer(int status, byte[] body) {
            this(status, body, new String(body, StandardCharsets.ISO_8859_1));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return the answer, if it is a 200 */
        Answer ok(String what) {
            if (status != 200) {
                String text = text();
                throw new IllegalStateException(what + " answered " + status + ": "
                        + (text.length() > 500 ? text.substring(0, 500) + "..." : text));
            }
            return this;
        }

        boolean hasMore() {
            return latin1.indexOf("\"hasMore\":true", Math.max(0, latin1.length() - 40)) >= 0;
        }

        /** @return the cursor of the answer's last type, or {@code previous} when the page is empty */
        long cursorOr(long previous) {
            int at = latin1.lastIndexOf("\"operationMetadata\"");
            if (at < 0) {
                return previous;
            }
            int v = latin1.indexOf("\"version\":", at);
            return v < 0 ? previous : number(v + "\"version\":".length());
        }

        /** @return how often the text occurs */
        int count(String text) {
            int n = 0;
            for (int at = latin1.indexOf(text); at >= 0; at = latin1.indexOf(text, at + text.length())) {
                n++;
            }
            return n;
        }

        /** @return the numbers after each occurrence of the text, in order */
        long[] numbersAfter(String text, int expected) {
            long[] numbers = new long[expected];
            int n = 0;
            for (int at = latin1.indexOf(text);
                    at >= 0 && n < expected;
                    at = latin1.indexOf(text, at + text.length())) {
                numbers[n++] = number(at + text.length());
            }
            if (n != expected) {
                throw new IllegalStateException("expected " + expected + " of " + text + ", found " + n);
            }
            return numbers;
        }

        private long number(int at) {
            long value = 0;
            for (int i = at; i < body.length && body[i] >= '0' && body[i] <= '9'; i++) {
                value = value * 10 + (body[i] - '0');
            }
            return value;
        }
    }

    /**
     * Sends one request on this thread's connection, opened on first use and kept alive. A
     * connection the server closed while idle is opened again and the request sent once more.
     */
    Answer post(String path, String body, String idempotencyKey) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("POST ")
                .append(base.getPath())
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n");
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        Connection c = connection.get();
        if (c != null) {
            try {
                return c.exchange(request);
            } catch (IOException closedWhileIdle) {
                if (c.answered) {
                    throw closedWhileIdle;
                }
                c.close();
            }
        }
        c = new Connection(base);
        connection.set(c);
        return c.exchange(request);
    }

    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    /** One kept-alive HTTP/1.1 connection: a request written in one piece, the answer read by length or by chunks. */
    private static final class Connection {
        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;
        /** whether a byte of the current answer arrived: then a failure is the server's, not an idle close */
        boolean answered;

        Connection(URI base) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws IOException {
            answered = false;
            out.write(request);
            out.flush();
            String status = line();
            answered = true;
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(length > 0 ? (int) length : 1 << 16);
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
                close = true;
            }
            if (close) {
                close();
            }
            return new Answer(code, body.toByteArray());
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    Answer pull(String zone, long cursor, int limit) throws IOException {
        return post("pull", Objects.pullBody(zone, cursor, limit), null).ok("pull of zone " + zone);
    }
}
