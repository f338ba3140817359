package io.fastsync.pull;

import static io.fastsync.metrics.Traced.step;

import io.fastsync.changes.ChangeFeed;
import io.fastsync.changes.ZoneChange;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.metrics.Metrics;
import io.fastsync.metrics.SyncMetrics;
import io.fastsync.metrics.Traced;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.retention.CursorFloors;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.zone.Caller;
import io.fastsync.zone.ContainerCallers;
import io.fastsync.zone.ZoneAuthority;
import io.fastsync.zone.ZoneAuthorizer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pull boundary, one step per line of {@link #pull}: read the cursors (each type known, each
 * zone one the caller may read), admit them against the zones' counters and histories, read the
 * page, then check that no purge passed a cursor meanwhile ({@link CursorFloors}). It only reads;
 * it joins the caller's transaction if there is one ({@code REQUIRED}, the default).
 */
@Stateless
public class PullService {

    @Inject
    CursorReader cursors;

    @Inject
    CursorAdmission admission;

    @Inject
    PageReader pages;

    @Inject
    FastSyncSettings settings;

    @Inject
    Metrics metrics;

    @Resource
    SessionContext context;

    @Inject
    ChangeFeed feed;

    @Inject
    CursorFloors floors;

    /** For the container. */
    public PullService() {}

    PullService(
            CursorReader cursors,
            CursorAdmission admission,
            PageReader pages,
            FastSyncSettings settings,
            Metrics metrics) {
        this.cursors = cursors;
        this.admission = admission;
        this.pages = pages;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** The same boundary outside a container (tests, tools), its steps built with {@code new}. */
    public static PullService outsideContainer(
            SyncTypeRegistry registry,
            ZoneAuthorizer authorizer,
            FastSyncSettings settings,
            SyncMetrics metrics,
            EntityManager em) {
        CursorFloors floors = new CursorFloors(em);
        return new PullService(
                new CursorReader(registry, new ZoneAuthority(authorizer)),
                new CursorAdmission(floors),
                new PageReader(floors),
                settings,
                Metrics.of(metrics));
    }

    /** A pull for the caller the container authenticated (an application's own security). */
    public PullResponse pull(PullRequest request) {
        return pull(request, ContainerCallers.of(context, settings.security()));
    }

    /** @param caller who the pull is for, as the REST edge or the application established it */
    public PullResponse pull(PullRequest request, Caller caller) {
        SyncMetrics recorded = metrics.get();
        try (Traced traced = recorded.begin("fastsync.pull")) {
            try {
                long started = System.nanoTime();
                List<PullTarget<?>> targets =
                        step(recorded, "fastsync.pull.read-cursors", () -> cursors.read(request, caller));
                traced.attribute(
                        "fastsync.types",
                        String.join(
                                ",", targets.stream().map(t -> t.type().name()).toList()));
                List<CursorAdmission.Admitted> admitted = step(
                        recorded,
                        "fastsync.pull.admit",
                        () -> admission.admit(targets, request.startsOver(), request.pushed()));
                PullResponse page = step(recorded, "fastsync.pull.page", () -> pages.read(admitted, pageSize(request)));
                step(recorded, "fastsync.pull.check-floors", () -> admission.checkFloors(admitted));
                int objects = page.payload().data().values().stream()
                        .mapToInt(List::size)
                        .sum();
                recorded.pulled(Duration.ofNanos(System.nanoTime() - started), objects);
                traced.attribute("fastsync.objects", objects).attribute("fastsync.result", "page");
                return page;
            } catch (RuntimeException e) {
                traced.failed(e);
                throw e;
            }
        }
    }

    /**
     * Subscribes to the changes after the request's cursors: the same types, zones and zone rules
     * as a pull of it. The listener hears of each zone that passes its cursor (at once for a zone
     * already past it) until the subscription is closed.
     *
     * @param callerKey who counts as one caller against {@code fastsync.changes.max-per-caller} (a token's
     *                  subject, a machine)
     * @throws io.fastsync.changes.TooManySubscriptionsException when that caller holds the most it may already
     * @throws io.fastsync.changes.StreamsFullException when this instance holds the most it may already
     */
    public ChangeFeed.Subscription subscribe(
            PullRequest request, Caller caller, String callerKey, ChangeFeed.Listener listener) {
        if (feed == null) {
            throw new IllegalStateException("the change feed runs in a container only");
        }
        List<PullTarget<?>> targets = cursors.read(request, caller);
        Map<ChangeFeed.Zone, Long> at = new LinkedHashMap<>();
        for (PullTarget<?> t : targets) {
            at.put(new ChangeFeed.Zone(t.type().name(), t.zone()), t.cursor());
        }
        ChangeFeed.Subscription subscription = feed.open(
                callerKey,
                at,
                listener,
                settings.changes().maxPerCaller(),
                settings.changes().maxOpen());
        // Read after opening: a commit in between is told by the feed or seen here, never neither.
        for (ChangeFeed.Zone zone : at.keySet()) {
            subscription.offer(new ZoneChange(
                    zone.type(),
                    zone.zone(),
                    floors.read(zone.type(), zone.zone()).last()));
        }
        return subscription;
    }

    /** @return the client's limit, capped by the server's page size */
    private int pageSize(PullRequest request) {
        return request.limit() == null ? settings.pageSize() : Math.min(request.limit(), settings.pageSize());
    }
}
