package io.fastsync.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Change streams whose subscribers never read: each a plain socket with a receive buffer of 1 KiB,
 * set before connecting so that the window the server sees is small, which sends its {@code GET
 * changes} and then reads nothing, ever. Whatever the server writes to it stays in the kernel's
 * buffers until they are full, and then in the server.
 */
final class StalledStreams implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    private StalledStreams() {}

    /**
     * Opens {@code count} streams on the zone and waits until the server has answered each (bytes
     * wait unread in its receive buffer), at most 30 seconds.
     */
    static StalledStreams open(URI base, String zone, int count) throws IOException, InterruptedException {
        StalledStreams stalled = new StalledStreams();
        String metadata = "{\"" + Objects.TYPE + "\":{\"syncZone\":\"" + zone + "\",\"version\":0}}";
        byte[] request = ("GET " + base.getPath() + "changes?metadata="
                        + URLEncoder.encode(metadata, StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: " + base.getHost()
                        + ':' + base.getPort() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                stalled.sockets.add(socket);
                socket.setReceiveBufferSize(1024);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Socket socket : stalled.sockets) {
                // available() asks the kernel how much is waiting; it takes nothing out of the buffer.
                while (socket.getInputStream().available() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("a stalled subscriber's stream got no answer within 30 s");
                    }
                    Thread.sleep(10);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stalled.close();
            throw e;
        }
        return stalled;
    }

    int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
