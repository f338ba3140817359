package io.fastsync.client.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Words for an I/O failure; the JDK's own messages are often null ("connection refused" has none). */
final class NetworkFailures {

    private NetworkFailures() {}

    static String describe(IOException e, Duration requestTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            long ms = requestTimeout.toMillis();
            return "no answer within " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
    }
}
