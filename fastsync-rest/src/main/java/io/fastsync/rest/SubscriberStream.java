package io.fastsync.rest;

import io.fastsync.changes.ChangeFeed;
import io.fastsync.changes.ZoneChange;
import io.fastsync.error.LogText;
import io.fastsync.metrics.SyncMetrics;
import io.fastsync.wire.WireJson;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One subscriber's change stream, written without blocking (the Servlet API's non-blocking
 * output): an event is written only while the container takes more without queueing it, and
 * what commits meanwhile waits in {@link #pending} as the latest version of each (type, zone),
 * told as one {@code changed} event per zone once the container can take more. So a stream holds
 * at most one pending entry per zone it follows, however much its subscriber leaves unread; the
 * container holds at most what it accepted before it said it could take no more (its socket
 * buffers), and a stream whose subscriber reads nothing for the stall time is ended
 * ({@link StreamEnd#TOO_SLOW}), one log line, no event.
 *
 * <p>Every write happens under this object's lock, from whichever thread has something to tell:
 * the feed's dispatcher, the container's (when it can take more), or the resource's clock.
 */
final class SubscriberStream implements ChangeFeed.Listener, WriteListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(SubscriberStream.class.getName());

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final SyncMetrics metrics;
    private final ChangedEvents events;
    private final Consumer<SubscriberStream> finished;
    private final String caller;
    private final int zones;
    private final Instant acceptedUntil;
    private final long endsAtNanos;

    private final Map<ChangeFeed.Zone, Long> pending = new LinkedHashMap<>();
    /** When this instance learned of the oldest commit each pending zone waits to tell. */
    private final Map<ChangeFeed.Zone, Long> pendingSince = new java.util.HashMap<>();

    private AsyncContext async;
    private ServletOutputStream out;
    private byte[] ready;
    private boolean heartbeatDue;
    private boolean unflushed;
    private StreamEnd ending;
    private boolean closingWritten;
    /** When the container last took no more ({@link System#nanoTime()}); 0 while it takes more. */
    private long blockedSince;
    /** How long what was written stayed unread when the stream was ended for it. */
    private long stalledFor;

    private boolean done;

    volatile ChangeFeed.Subscription subscription;

    /**
     * @param events        the {@code changed} events, shared by every stream
     * @param caller        who holds it, for the log line of a stream ended as too slow
     * @param acceptedUntil when the credentials it was opened with stop being accepted; null if never
     * @param lifetimeNanos how long it may stay open
     * @param finished      told once, when the stream has ended
     */
    SubscriberStream(
            SyncMetrics metrics,
            ChangedEvents events,
            String caller,
            int zones,
            Instant acceptedUntil,
            long lifetimeNanos,
            Consumer<SubscriberStream> finished) {
        this.metrics = metrics;
        this.events = events;
        this.caller = caller;
        this.zones = zones;
        this.acceptedUntil = acceptedUntil;
        this.endsAtNanos = System.nanoTime() + lifetimeNanos;
        this.finished = finished;
    }

    /**
     * Answers the request with the stream: the headers now, then the zones already told, the
     * {@code ready} event with its data, and what commits later.
     *
     * @param async the request's asynchronous context, which the stream completes when it ends
     */
    void start(AsyncContext async, String readyData, Map<String, String> headers) throws IOException {
        synchronized (this) {
            this.async = async;
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/event-stream;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            headers.forEach(response::setHeader);
            ready = ChangedEvents.event("ready", null, readyData);
            out = response.getOutputStream();
        }
        async.addListener(this);
        out.setWriteListener(this);
    }

    @Override
    public void changed(ZoneChange change) {
        changed(change, System.nanoTime());
    }

    @Override
    public void changed(ZoneChange change, long since) {
        synchronized (this) {
            if (done || ending != null) {
                return;
            }
            ChangeFeed.Zone zone = new ChangeFeed.Zone(change.type(), change.zone());
            if (pending.put(zone, change.version()) != null) {
                metrics.streamEventFolded();
            } else {
                pendingSince.put(zone, since);
            }
        }
        write();
    }

    @Override
    public void closed() {
        end(StreamEnd.SHUTDOWN);
    }

    /**
     * Ends the stream: a closing event with the reason where one is written, then the response
     * completes. Nothing pending is told: the subscriber reconnects with its cursors.
     */
    void end(StreamEnd reason) {
        boolean now;
        synchronized (this) {
            if (done || ending != null) {
                return;
            }
            ending = reason;
            pending.clear();
            pendingSince.clear();
            ready = null;
            heartbeatDue = false;
            now = out == null || reason == StreamEnd.CLIENT || reason == StreamEnd.TOO_SLOW;
        }
        if (now) {
            finish(reason);
        } else {
            write();
        }
    }

    /**
     * The resource's clock: ends the stream when its subscriber has left what was written unread
     * for {@code stallNanos}, when its token expired, or at the end of its lifetime; otherwise
     * writes a heartbeat if one is due.
     */
    void tick(long now, Instant wallClock, boolean heartbeat, long stallNanos) {
        boolean stalled = false;
        synchronized (this) {
            if (done) {
                return;
            }
            if (blockedSince == 0 || now - blockedSince <= stallNanos) {
                if (ending != null) {
                    return;
                }
                heartbeatDue |= heartbeat;
            } else {
                stalledFor = now - blockedSince;
                stalled = true;
                ending = StreamEnd.TOO_SLOW;
            }
        }
        if (stalled) {
            finish(StreamEnd.TOO_SLOW);
        } else if (acceptedUntil != null && !wallClock.isBefore(acceptedUntil)) {
            end(StreamEnd.TOKEN_EXPIRED);
        } else if (now - endsAtNanos >= 0) {
            end(StreamEnd.LIFETIME);
        } else if (heartbeat) {
            write();
        }
    }

    /** Writes what there is to tell while the container takes it without queueing. */
    private void write() {
        StreamEnd over = null;
        synchronized (this) {
            if (out == null || done) {
                return;
            }
            try {
                boolean more = true;
                while (more && out.isReady()) {
                    byte[] next = next();
                    if (next != null) {
                        out.write(next);
                        unflushed = true;
                    } else if (unflushed) {
                        unflushed = false;
                        out.flush();
                    } else {
                        more = false;
                        over = closingWritten ? ending : null;
                    }
                }
                if (!more) {
                    blockedSince = 0;
                } else if (blockedSince == 0) {
                    blockedSince = System.nanoTime();
                }
            } catch (IOException | RuntimeException gone) {
                over = StreamEnd.CLIENT;
            }
        }
        if (over != null) {
            finish(over);
        }
    }

    /** @return the next event to write, in order: closing, the zones pending, ready, a heartbeat */
    private byte[] next() {
        if (ending != null) {
            if (closingWritten) {
                return null;
            }
            closingWritten = true;
            return ChangedEvents.event(
                    "closing",
                    null,
                    WireJson.objectBuilder()
                            .add("reason", ending.code())
                            .build()
                            .toString());
        }
        Iterator<Map.Entry<ChangeFeed.Zone, Long>> first = pending.entrySet().iterator();
        if (first.hasNext()) {
            Map.Entry<ChangeFeed.Zone, Long> zone = first.next();
            first.remove();
            Long since = pendingSince.remove(zone.getKey());
            if (since != null) {
                metrics.changeTold(java.time.Duration.ofNanos(System.nanoTime() - since));
            }
            return events.changed(zone.getKey(), zone.getValue());
        }
        if (ready != null) {
            byte[] r = ready;
            ready = null;
            return r;
        }
        if (heartbeatDue) {
            heartbeatDue = false;
            return HEARTBEAT;
        }
        return null;
    }

    /**
     * Once: the subscription ends, the response completes, the metrics and the resource are told.
     * Never called holding this object's lock, which the container's callbacks take.
     */
    private void finish(StreamEnd reason) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        ChangeFeed.Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        AsyncContext request;
        synchronized (this) {
            request = async;
        }
        try {
            if (request != null) {
                request.complete();
            }
        } catch (IllegalStateException alreadyOver) {
            // the container ended the request itself (the connection failed)
        }
        metrics.streamEnded(reason.code());
        finished.accept(this);
        if (reason == StreamEnd.TOO_SLOW) {
            LOG.warning(() -> "FastSync ended a change stream of " + LogText.printable(caller, 120) + " (" + zones
                    + (zones == 1 ? " zone" : " zones") + "): what was written to it stayed unread for more than "
                    + TimeUnit.NANOSECONDS.toSeconds(stalledFor)
                    + " s (too-slow); it may reconnect with its cursors");
        }
    }

    @Override
    public void onWritePossible() {
        write();
    }

    @Override
    public void onError(Throwable failure) {
        finish(StreamEnd.CLIENT);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finish(ending != null ? ending : StreamEnd.CLIENT);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(StreamEnd.CLIENT);
    }

    @Override
    public void onError(AsyncEvent event) {
        finish(StreamEnd.CLIENT);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the stream's request is started once
    }
}
