package io.fastsync.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A subscriber of {@code GET changes} on a bare socket, for what an HTTP client library will not
 * do: connect from a chosen local address, send the request and then read nothing at all (a
 * receive buffer of 1 KiB), or read only the status line.
 */
final class RawSubscriber implements AutoCloseable {

    private final Socket socket;

    private RawSubscriber(Socket socket) {
        this.socket = socket;
    }

    /**
     * Sends {@code GET changes?metadata=...} (the metadata URL-encoded here) from a local address,
     * and returns without reading anything.
     *
     * @param from the local address to connect from (any of 127.0.0.0/8 reaches a server on 127.0.0.1)
     */
    static RawSubscriber open(URI base, String metadata, InetAddress from, String... headers) {
        return openRaw(base, "metadata=" + URLEncoder.encode(metadata, StandardCharsets.UTF_8), from, headers);
    }

    /** Sends {@code GET changes?QUERY} with the query exactly as given, which need not be valid. */
    static RawSubscriber openRaw(URI base, String rawQuery, InetAddress from, String... headers) {
        try {
            Socket s = new Socket();
            s.setReceiveBufferSize(1024);
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            StringBuilder request = new StringBuilder("GET ")
                    .append(base.getPath())
                    .append("changes?")
                    .append(rawQuery)
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost())
                    .append("\r\nAccept: text/event-stream\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            s.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new RawSubscriber(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer read whole: its status and its body. */
    record Answer(int status, String head, String body) {}

    /**
     * Sends {@code GET changes?QUERY}, the query exactly as given, asks the server to close the
     * connection after its answer, and reads that answer whole.
     */
    static Answer refusal(URI base, String rawQuery) {
        try (RawSubscriber raw = openRaw(base, rawQuery, InetAddress.getLoopbackAddress(), "Connection", "close")) {
            String all = raw.readToEnd(Duration.ofSeconds(60));
            int end = all.indexOf("\r\n\r\n");
            String head = end < 0 ? all : all.substring(0, end);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, end < 0 ? "" : all.substring(end + 4));
        }
    }

    /** @return the status of the answer, reading its status line and nothing more */
    int status() {
        try {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            if (parts.length < 2) {
                throw new AssertionError("no HTTP status line: '" + line + "'");
            }
            return Integer.parseInt(parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what the server wrote until it closes the connection.
     *
     * @param within the longest to wait for the end; it is a failure if it does not come
     * @return everything read, as text
     */
    String readToEnd(Duration within) {
        try {
            socket.setSoTimeout((int) within.toMillis());
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not end the stream within " + within, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
