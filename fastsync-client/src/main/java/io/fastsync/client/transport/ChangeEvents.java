package io.fastsync.client.transport;

/**
 * An open change stream ({@code GET changes}): the events of the server, one at a time. Reading
 * blocks until the next event, which may take as long as nothing changes; {@link #close()} from
 * another thread ends the wait.
 */
public interface ChangeEvents extends AutoCloseable {

    /**
     * One event of the stream.
     *
     * @param name    {@code changed}, {@code ready} or {@code closing}
     * @param type    for {@code changed}, the type; otherwise null
     * @param zone    for {@code changed}, the zone
     * @param version for {@code changed}, the zone's last version; otherwise 0
     */
    record Event(String name, String type, String zone, long version) {}

    /**
     * @return the next event (heartbeats are skipped), or null once the stream ended
     * @throws ServerUnreachableException if the connection failed
     */
    Event next();

    /** Ends the stream; a reader waiting in {@link #next()} gets null. */
    @Override
    void close();
}
