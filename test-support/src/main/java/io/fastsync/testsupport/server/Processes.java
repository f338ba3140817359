package io.fastsync.testsupport.server;

import io.fastsync.testsupport.http.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What every server under test needs: a clean environment, free ports, and waiting until FastSync
 * answers.
 */
public final class Processes {

    private Processes() {}

    /** @return the directory of the build's output, where servers keep their files */
    public static Path buildDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    /**
     * Gives a server process exactly the FastSync settings of a test: any {@code FASTSYNC_*} variable of
     * the developer's shell is removed first, so it cannot change what is tested.
     */
    public static void setFastSyncEnvironment(ProcessBuilder builder, Map<String, String> settings) {
        builder.environment().keySet().removeIf(name -> name.startsWith("FASTSYNC_") || name.startsWith("MP_JWT_"));
        builder.environment().putAll(settings);
    }

    /** @return true when nothing listens on the port, on any address */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a port that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * Waits until FastSync answers at {@code base}: a pull without a zone gets FastSync's own
     * problem answer, not the server's "not found" page of an application that is still starting.
     *
     * @param alive checked between attempts; false ends the wait at once
     * @param log   where to look when the server does not come up
     */
    public static void awaitFastSync(URI base, Duration timeout, BooleanSupplier alive, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                Http.Answer answer = Http.tryPost(base, "pull", "{\"metadata\": {\"Item\": {\"version\": 0}}}");
                if (answer.body() != null && answer.body().containsKey("code")) {
                    return;
                }
                last = "HTTP " + answer.status();
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("FastSync did not answer at " + base + " within " + timeout.toSeconds() + " s ("
                + last + "); see " + log);
    }
}
