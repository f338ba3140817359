package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pushes of 500 objects with text beyond ASCII, one after another on one kept-alive HTTP/1.1
 * connection, head and body in one write and each push right after the answer to the one before, as
 * lean clients send them, to the standalone server as built: every body is read
 * whole, and every object comes back as sent. Grizzly sometimes says that a body was all read before
 * it has handed over the end (the answer to the push before was long), and the server refused a few
 * pushes in a hundred as not UTF-8 or as ended early, or closed the connection.
 */
class KeptAliveConnectionsIT {

    private static final int PUSHES = 60;
    private static final int OBJECTS = 500;

    /** @return the status and the body of one answer, chunked or not */
    private static String[] answer(java.io.InputStream in) throws java.io.IOException {
        String status = line(in);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new String[] {status.substring(9, 12), body.toString(StandardCharsets.UTF_8)};
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("the server closed the connection; so far: " + s);
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Test
    void largePushesOnOneConnectionAreReadWholeAndKeptAsSent() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kept-alive");
        PayaraMicroServer server =
                new PayaraMicroServer(Map.of("FASTSYNC_DATA_DIR", data.toString()), data.resolve("server.log"));
        server.start();
        try {
            String text = "é".repeat(200);
            // Built beforehand, so that each push follows the answer to the one before at once.
            java.util.List<byte[]> requests = new java.util.ArrayList<>();
            for (int push = 0; push < PUSHES; push++) {
                String[] objects = new String[OBJECTS];
                for (int i = 0; i < OBJECTS; i++) {
                    objects[i] = typeScriptObject(
                            "Item", "kept", "p" + push + "-" + i, 0, 1000, 1722950000.0, "\"text\": \"" + text + "\"");
                }
                byte[] body = typeScriptPush("Item", "kept", objects).getBytes(StandardCharsets.UTF_8);
                byte[] head = ("POST " + server.base().getPath() + "push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                // Head and body in one write, as Python's http.client, Node's http and lean clients send them.
                byte[] request = new byte[head.length + body.length];
                System.arraycopy(head, 0, request, 0, head.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                requests.add(request);
            }
            try (java.net.Socket socket =
                    new java.net.Socket("127.0.0.1", server.base().getPort())) {
                java.io.OutputStream out = socket.getOutputStream();
                java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                for (int push = 0; push < PUSHES; push++) {
                    out.write(requests.get(push));
                    out.flush();
                    String[] answer = answer(in);
                    assertEquals("200", answer[0], "push " + push + ": " + answer[1]);
                    assertEquals(OBJECTS, answer[1].split("\"status\":\"applied\"", -1).length - 1, "push " + push);
                }
            }
            Http.Answer pulled = Http.post(server.base(), "pull", typeScriptFirstPull("kept", "Item"));
            assertEquals(200, pulled.status());
            JsonObject page = pulled.body().getJsonObject("data").getJsonObject("data");
            long intact = page.getJsonArray("Item").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(o -> o.getString("text").equals(text))
                    .count();
            assertEquals(Math.min(1000, PUSHES * OBJECTS), intact, "objects pulled back as sent (one page)");
        } finally {
            server.stop();
        }
    }
}
