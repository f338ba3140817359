package io.fastsync.client;

import io.fastsync.client.transport.ChangeEvents;
import io.fastsync.client.transport.SyncTransport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client keeping itself in sync: it holds a change stream open and syncs when the server
 * says a zone changed, and syncs shortly after each local edit (edits within
 * {@link #PUSH_DELAY} go in one push). A failed sync is tried again after a back-off that grows
 * from half a second to half a minute; a stream that failed, or ended without {@code closing},
 * is opened again the same way. A stream the server ended with {@code closing} (its token
 * expired, it lived its longest, the client read too slowly, the server stops, or any other
 * reason) is opened again after a random part of the window
 * {@link ChangeEvents#reconnectWindow} gives for the reason: up to a second after
 * {@code token-expired} and {@code lifetime}, up to five otherwise, so that streams ended
 * together do not come back together. Either way the client syncs when the wait is over and
 * opens the stream with the cursors its store holds then, which the server answers at once for
 * every zone committed past them, so nothing committed meanwhile is missed; each connection asks
 * the transport's token supplier again (see {@link io.fastsync.client.transport.BearerTokens}).
 * A refused connection, such as a {@code 401} because the supplier has no fresh token yet, is a
 * failure: reported to {@link Listener#failed} and tried again after the back-off. Everything it
 * does is also a plain call on the {@link SyncManager}. Obtained from
 * {@link SyncManager#startLive}; stop it with {@link #close()}.
 */
public final class LiveSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveSync.class.getName());

    /** How long after a local edit the push waits for more edits to go with it. */
    public static final Duration PUSH_DELAY = Duration.ofMillis(200);

    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long LAST_BACKOFF_MILLIS = 30_000;

    /** The wait before opening a stream the server closed: uniformly random within the window. */
    static final ToLongFunction<Duration> RANDOM_DELAY =
            window -> ThreadLocalRandom.current().nextLong(window.toMillis() + 1);

    /** What live mode reports; called on its own threads. */
    public interface Listener {
        /** A sync ran, because the server told of a change or a local edit waited. */
        default void synced(SyncReport report) {}

        /** A sync or the change stream failed; live mode tries again after a back-off. */
        default void failed(RuntimeException e) {}
    }

    private final SyncManager manager;
    private final SyncTransport transport;
    private final Listener listener;
    private final ScheduledExecutorService syncs;
    private final ToLongFunction<Duration> reconnectDelay;
    private final Thread streamReader;
    private final AtomicBoolean syncWaiting = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile ChangeEvents stream;
    private long syncBackoff = FIRST_BACKOFF_MILLIS;

    /** @param reconnectDelay the milliseconds to wait, given the window of a {@code closing} */
    LiveSync(SyncManager manager, SyncTransport transport, Listener listener, ToLongFunction<Duration> reconnectDelay) {
        this.manager = manager;
        this.transport = transport;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reconnectDelay = reconnectDelay;
        this.syncs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fastsync-live-sync");
            t.setDaemon(true);
            return t;
        });
        this.streamReader = new Thread(this::listen, "fastsync-live-stream");
        streamReader.setDaemon(true);
    }

    void start() {
        streamReader.start();
        requestSync(0);
    }

    /** A local edit: a sync soon, with the edits made until then. */
    void edited() {
        requestSync(PUSH_DELAY.toMillis());
    }

    /** Asks for one sync after the delay, unless one is waiting already. */
    private void requestSync(long delayMillis) {
        if (!stopped && syncWaiting.compareAndSet(false, true)) {
            try {
                syncs.schedule(this::sync, delayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                syncWaiting.set(false);
            }
        }
    }

    private void sync() {
        syncWaiting.set(false);
        if (stopped) {
            return;
        }
        try {
            SyncReport report = manager.sync();
            syncBackoff = FIRST_BACKOFF_MILLIS;
            listener.synced(report);
        } catch (RuntimeException e) {
            listener.failed(e);
            long wait = syncBackoff;
            syncBackoff = Math.min(syncBackoff * 2, LAST_BACKOFF_MILLIS);
            requestSync(wait);
        }
    }

    private void listen() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!stopped) {
            ChangeEvents.Event closing = null;
            try (ChangeEvents events = transport.changes(manager.subscriptionCursors())) {
                stream = events;
                ChangeEvents.Event event;
                while (!stopped && (event = events.next()) != null) {
                    backoff = FIRST_BACKOFF_MILLIS;
                    if ("changed".equals(event.name())) {
                        requestSync(0);
                    } else if ("closing".equals(event.name())) {
                        closing = event;
                        break;
                    }
                }
            } catch (UnsupportedOperationException e) {
                LOG.warning(() -> "FastSync live mode: " + e.getMessage() + "; it syncs after local edits only");
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.FINE, "FastSync live mode: the change stream failed", e);
                listener.failed(e);
            } finally {
                stream = null;
            }
            if (stopped) {
                return;
            }
            long wait;
            if (closing != null) {
                // Ended on purpose: not a failure, so the back-off stays where the events put it.
                wait = reconnectDelay.applyAsLong(ChangeEvents.reconnectWindow(closing));
                String reason = closing.reason();
                LOG.fine(() -> "FastSync live mode: the server closed the change stream (" + reason
                        + "); opening it again in " + wait + " ms");
            } else {
                wait = backoff;
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            // Back with the cursors held now: a sync catches up whatever the stream missed.
            requestSync(0);
        }
    }

    /** Stops live mode: the stream closes, a sync running finishes, none starts after. */
    @Override
    public void close() {
        stopped = true;
        ChangeEvents open = stream;
        if (open != null) {
            open.close();
        }
        streamReader.interrupt();
        syncs.shutdown();
        try {
            syncs.awaitTermination(30, TimeUnit.SECONDS);
            streamReader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manager.liveStopped(this);
    }
}
