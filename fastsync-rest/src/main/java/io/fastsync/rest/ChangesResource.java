package io.fastsync.rest;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.metrics.Metrics;
import io.fastsync.pull.PullService;
import io.fastsync.rest.security.BrowserRequests;
import io.fastsync.rest.security.CallerKeys;
import io.fastsync.rest.security.RequestCaller;
import io.fastsync.rest.security.SyncEndpoint;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.WireFormatException;
import io.fastsync.zone.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code GET changes?metadata=...}: a Server-Sent Events stream that tells the subscriber, for
 * each (type, zone) of its cursors, when changes past its cursor are committed, on this instance
 * or another; the subscriber then pulls. {@code metadata} is a pull's {@code metadata} object as
 * JSON, checked as a pull checks it (types, zones, the caller's rights). Events: {@code changed}
 * with {@code {"type", "syncZone", "version"}} (the zone's last version); {@code ready} once the
 * zones already past their cursors were told; a comment every
 * {@code fastsync.changes.heartbeat-seconds}; and {@code closing} with the reason the server ends
 * the stream ({@link StreamEnd}).
 *
 * <p>What one caller can make the server hold is bounded: at most
 * {@code fastsync.changes.max-per-caller} streams per caller ({@link CallerKeys}), at most
 * {@code fastsync.changes.max-open} on the instance, each stream holding no thread and at most
 * one pending version per zone it follows ({@link SubscriberStream}); a stream ends when its
 * subscriber stops reading, when its token expires, and after its lifetime. JAX-RS checks the
 * request and answers every refusal; an accepted stream is then written through the Servlet API's
 * non-blocking output, which tells when the connection can take more.
 */
@Path("changes")
@ApplicationScoped
@SyncEndpoint
public class ChangesResource {

    private static final Logger LOG = Logger.getLogger(ChangesResource.class.getName());

    /** The cursors of a subscription fit in a URL; anything this large is not them. */
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    /** How often each stream is looked at: expiries and lifetimes are kept to within this. */
    private static final long TICK_MILLIS = 500;

    @EJB
    PullService pullService;

    @Inject
    RequestCaller caller;

    @Inject
    FastSyncSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    BrowserRequests browserRequests;

    @Context
    HttpServletRequest servletRequest;

    private final Set<SubscriberStream> streams = ConcurrentHashMap.newKeySet();
    private final ChangedEvents events = new ChangedEvents();
    private ScheduledFuture<?> clock;
    private volatile long lastHeartbeat = System.nanoTime();

    @PostConstruct
    void start() {
        try {
            ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService)
                    new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");
            clock = scheduler.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (NamingException e) {
            LOG.warning(() -> "FastSync sends no heartbeats on change streams and ends none that stalled, expired or"
                    + " outlived their lifetime: no managed scheduler (" + e + ")");
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Suspended AsyncResponse suspended) throws IOException {
        PullRequest request = cursors(servletRequest.getQueryString());
        Caller who = caller.get();
        String key = CallerKeys.of(who, servletRequest.getRemoteAddr());
        long lifetime = TimeUnit.SECONDS.toNanos(settings.changes().maxLifetimeSeconds());
        // Each stream ends up to a tenth earlier, at random: streams opened together end apart.
        lifetime -= (long) (lifetime * 0.1 * ThreadLocalRandom.current().nextDouble());
        SubscriberStream stream = new SubscriberStream(
                metrics.get(),
                events,
                key,
                request.metadata().size(),
                caller.acceptedUntil().orElse(null),
                lifetime,
                streams::remove);
        stream.subscription = pullService.subscribe(request, who, key, stream);
        streams.add(stream);
        metrics.get().streamOpened();
        // JAX-RS started the request's asynchronous processing when it suspended it.
        AsyncContext async =
                servletRequest.isAsyncStarted() ? servletRequest.getAsyncContext() : servletRequest.startAsync();
        async.setTimeout(0);
        stream.start(
                async,
                "{\"types\":" + request.metadata().size() + "}",
                browserRequests.answerHeaders(servletRequest.getHeader("Origin")));
    }

    /** HEAD opens nothing: a stream's headers alone tell a client nothing it could use. */
    @HEAD
    public void head() {
        throw new NotAllowedException("GET");
    }

    /**
     * @param rawQuery the query as sent, still percent-encoded; may be null
     * @return a pull of the cursors in the query parameter {@code metadata}
     * @throws WireFormatException if it is missing, or not a pull's metadata
     * @throws io.fastsync.rest.error.MalformedJsonException if it is not strictly encoded JSON
     */
    static PullRequest cursors(String rawQuery) {
        String metadata = QueryParameter.read(rawQuery, "metadata", MAX_METADATA_BYTES);
        if (metadata == null || metadata.isBlank()) {
            throw new WireFormatException(
                    "/metadata", "is required: the query parameter metadata, a pull's metadata object as JSON");
        }
        // Parsed from the decoded text once, and read where a pull body holds it, with its pointers.
        return RequestReader.readPullMetadata(RequestBody.read(metadata));
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            boolean heartbeat = now - lastHeartbeat
                    >= TimeUnit.SECONDS.toNanos(settings.changes().heartbeatSeconds());
            if (heartbeat) {
                lastHeartbeat = now;
            }
            Instant wallClock = Instant.now();
            long stall = TimeUnit.SECONDS.toNanos(settings.changes().stallSeconds());
            for (SubscriberStream s : streams) {
                s.tick(now, wallClock, heartbeat, stall);
            }
        } catch (RuntimeException e) {
            // A failure here must not end the schedule: the next tick looks at every stream again.
            LOG.log(Level.WARNING, "FastSync could not look at its change streams", e);
        }
    }

    @PreDestroy
    void stop() {
        if (clock != null) {
            clock.cancel(false);
        }
        for (SubscriberStream s : streams) {
            s.end(StreamEnd.SHUTDOWN);
        }
    }
}
