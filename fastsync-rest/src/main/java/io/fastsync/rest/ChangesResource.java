package io.fastsync.rest;

import io.fastsync.changes.ChangeFeed;
import io.fastsync.changes.ZoneChange;
import io.fastsync.pull.PullService;
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
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET changes?metadata=...}: a Server-Sent Events stream that tells the subscriber, for
 * each (type, zone) of its cursors, when changes past its cursor are committed, on this instance
 * or another; the subscriber then pulls them. {@code metadata} is a pull's {@code metadata}
 * object as JSON, checked as a pull checks it (types, zones, the caller's rights). Events:
 * {@code changed} with {@code {"type", "syncZone", "version"}} (the zone's last version), once per
 * commit that passes what the subscriber was last told; {@code ready} once the zones already
 * past their cursors were told; a comment every {@code fastsync.changes.heartbeat-seconds}; and
 * {@code closing} when the server shuts down. An open stream holds no thread.
 */
@Path("changes")
@ApplicationScoped
@SyncEndpoint
public class ChangesResource {

    private static final Logger LOG = Logger.getLogger(ChangesResource.class.getName());

    /** The cursors of a subscription fit in a URL; anything this large is not them. */
    private static final long MAX_METADATA_BYTES = 64 * 1024;

    public static final String MAX_PER_CALLER = "fastsync.changes.max-per-caller";
    public static final String HEARTBEAT_SECONDS = "fastsync.changes.heartbeat-seconds";
    public static final int DEFAULT_MAX_PER_CALLER = 16;
    public static final int DEFAULT_HEARTBEAT_SECONDS = 25;

    @EJB
    PullService pullService;

    @Inject
    RequestCaller caller;

    @Context
    HttpServletRequest servletRequest;

    private int maxPerCaller;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeats;

    @PostConstruct
    void start() {
        var config = ConfigProvider.getConfig();
        maxPerCaller = config.getOptionalValue(MAX_PER_CALLER, Integer.class).orElse(DEFAULT_MAX_PER_CALLER);
        int every = config.getOptionalValue(HEARTBEAT_SECONDS, Integer.class).orElse(DEFAULT_HEARTBEAT_SECONDS);
        try {
            ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService)
                    new InitialContext().lookup("java:comp/DefaultManagedScheduledExecutorService");
            heartbeats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.SECONDS);
        } catch (NamingException e) {
            LOG.warning(() -> "FastSync sends no heartbeats on change streams: no managed scheduler (" + e + ")");
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Server-Sent Events: which zones have changes past the subscriber's cursors",
            description = "Query: metadata={Type: {syncZone, version}}, a pull's metadata as JSON. Events: changed"
                    + " {type, syncZone, version}, ready, heartbeat comments, closing. See docs/protocol.md.")
    public void subscribe(@QueryParam("metadata") String metadata, @Context SseEventSink sink, @Context Sse sse) {
        PullRequest request = cursors(metadata);
        Caller who = caller.get();
        String key = who.authenticated() ? "caller " + who.name() : "address " + servletRequest.getRemoteAddr();
        Stream stream = new Stream(sink, sse);
        stream.subscription = pullService.subscribe(request, who, key, maxPerCaller, stream);
        streams.add(stream);
        stream.send(sse.newEventBuilder()
                .name("ready")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"types\":" + request.metadata().size() + "}")
                .build());
    }

    private static PullRequest cursors(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            throw new WireFormatException(
                    "/metadata", "is required: the query parameter metadata, a pull's metadata object as JSON");
        }
        JsonValue value = RequestBody.read(
                new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8)), MAX_METADATA_BYTES);
        return RequestReader.readPull(
                Json.createObjectBuilder(Map.of("metadata", value)).build());
    }

    private void beat() {
        for (Stream s : streams) {
            s.send(s.sse.newEventBuilder().comment("heartbeat").build());
        }
    }

    /** @return how many change streams this instance holds open */
    public int open() {
        return streams.size();
    }

    @PreDestroy
    void stop() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        for (Stream s : streams) {
            s.closed();
        }
    }

    /** One subscriber's open stream: what the feed tells it becomes an event on it. */
    private final class Stream implements ChangeFeed.Listener {
        private final SseEventSink sink;
        private final Sse sse;
        volatile ChangeFeed.Subscription subscription;

        Stream(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void changed(ZoneChange change) {
            send(sse.newEventBuilder()
                    .name("changed")
                    .id(String.valueOf(change.version()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(
                            String.class,
                            Json.createObjectBuilder()
                                    .add("type", change.type())
                                    .add("syncZone", change.zone())
                                    .add("version", change.version())
                                    .build()
                                    .toString())
                    .build());
        }

        @Override
        public void closed() {
            send(sse.newEventBuilder().name("closing").data(String.class, "{}").build());
            end();
        }

        /** Sends one event; a stream its subscriber has left ends. The sink is written by one thread at a time. */
        void send(OutboundSseEvent event) {
            synchronized (this) {
                if (sink.isClosed()) {
                    end();
                    return;
                }
                sink.send(event).whenComplete((done, failed) -> {
                    if (failed != null) {
                        end();
                    }
                });
            }
        }

        private void end() {
            streams.remove(this);
            ChangeFeed.Subscription s = subscription;
            if (s != null) {
                s.close();
            }
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // the subscriber is gone already
            }
        }
    }
}
