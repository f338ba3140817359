package io.fastsync.client.transport;

import java.time.Duration;

/**
 * An open change stream ({@code GET changes}): the events of the server, one at a time. Reading
 * blocks until the next event, which may take as long as nothing changes; {@link #close()} from
 * another thread ends the wait.
 */
public interface ChangeEvents extends AutoCloseable {

    /** The reason of a {@code closing} event when the token the stream was opened with expired. */
    String TOKEN_EXPIRED = "token-expired";

    /** The reason of a {@code closing} event when the stream reached the longest a stream lasts. */
    String LIFETIME = "lifetime";

    /** The reason of a {@code closing} event when the subscriber did not read what it was sent. */
    String TOO_SLOW = "too-slow";

    /** The reason of a {@code closing} event when the server stops. */
    String SHUTDOWN = "shutdown";

    /**
     * One event of the stream.
     *
     * @param name    {@code changed}, {@code ready} or {@code closing}
     * @param type    for {@code changed}, the type; otherwise null
     * @param zone    for {@code changed}, the zone
     * @param version for {@code changed}, the zone's last version; otherwise 0
     * @param reason  for {@code closing}, why the server ends the stream ({@link #TOKEN_EXPIRED},
     *                {@link #LIFETIME}, {@link #TOO_SLOW}, {@link #SHUTDOWN}, or one a later
     *                server adds); null when it gave none, as servers before reasons did
     */
    record Event(String name, String type, String zone, long version, String reason) {

        /** An event without a reason. */
        public Event(String name, String type, String zone, long version) {
            this(name, type, zone, version, null);
        }
    }

    /**
     * How long, at the most, a client waits before it opens the stream again after the server
     * ended it; it waits a uniformly random part of this window, so that the clients whose streams
     * ended together do not all come back in the same instant. Nothing is missed meanwhile: the
     * stream opened again with the cursors the client holds is told at once of every zone
     * committed past them, so a longer wait costs latency only.
     *
     * <ul>
     *   <li>1 second after {@link #TOKEN_EXPIRED} and {@link #LIFETIME}: these end one stream at a
     *       time (each at its own token's expiry, or its own age) and the server runs on, so the
     *       client comes back soon, and one second is enough to spread the streams that were
     *       opened together, such as after a restart.
     *   <li>5 seconds after {@link #SHUTDOWN}, {@link #TOO_SLOW}, an unknown reason, none (a
     *       {@code closing} of an older server, which sent one only at shutdown), and a stream
     *       that ended without {@code closing} (the command line's {@code watch}; live mode backs
     *       off then, as after a failure): a stopping server ends all of its streams at once, and
     *       they come back through a balancer to the instances left, each with a pull, so 10,000
     *       streams of one instance arrive at about 2,000 a second rather than together; a
     *       subscriber that was too slow gives its network a moment before it is sent more.
     * </ul>
     *
     * @param closing the {@code closing} event that ended the stream, or null when the stream
     *                ended without one
     * @return the window; the wait is between 0 and it
     */
    static Duration reconnectWindow(Event closing) {
        String reason = closing == null ? null : closing.reason();
        return TOKEN_EXPIRED.equals(reason) || LIFETIME.equals(reason) ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
    }

    /**
     * @return the next event (heartbeats are skipped), or null once the stream ended
     * @throws ServerUnreachableException if the connection failed
     */
    Event next();

    /** Ends the stream; a reader waiting in {@link #next()} gets null. */
    @Override
    void close();
}
