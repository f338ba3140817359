package io.fastsync.push;

import static io.fastsync.metrics.Traced.step;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.conflict.ConflictSettled;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.metrics.Metrics;
import io.fastsync.metrics.SyncMetrics;
import io.fastsync.metrics.Traced;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.zone.Caller;
import io.fastsync.zone.ContainerCallers;
import io.fastsync.zone.ZoneAuthority;
import io.fastsync.zone.ZoneAuthorizer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The push boundary: one push, one transaction, read as its steps. {@code REQUIRED}: called by an
 * application that has a transaction open, the push joins it and commits or rolls back with it;
 * called from the REST edge, it gets its own. Any refusal rolls the whole push back.
 */
@Stateless
public class PushService {

    @Inject
    PushValidator validator;

    @Inject
    VersionCounters counters;

    @Inject
    PushReceipts receipts;

    @Inject
    Submissions submissions;

    @Inject
    ConflictDetector detector;

    @Inject
    ConflictSettler settler;

    @Inject
    PushApplier applier;

    @Resource
    SessionContext context;

    @Inject
    FastSyncSettings settings;

    @Inject
    Metrics metrics;

    /** Null outside a container, where nobody observes. */
    @Inject
    Event<ConflictSettled> conflictEvents;

    /** For the container. */
    public PushService() {}

    PushService(
            PushValidator validator,
            VersionCounters counters,
            PushReceipts receipts,
            Submissions submissions,
            ConflictDetector detector,
            ConflictSettler settler,
            PushApplier applier,
            Metrics metrics) {
        this.validator = validator;
        this.counters = counters;
        this.receipts = receipts;
        this.submissions = submissions;
        this.detector = detector;
        this.settler = settler;
        this.applier = applier;
        this.metrics = metrics;
    }

    /**
     * The same boundary outside a container (tests, tools), its steps built with {@code new}: the
     * caller runs each push in a transaction of {@code em}.
     *
     * @param em      the entity manager of the unit {@code fastsync}, whose transaction the push runs in
     * @param metrics where the push reports, {@link SyncMetrics#NONE} for nowhere
     */
    public static PushService outsideContainer(
            SyncTypeRegistry registry,
            ZoneAuthorizer authorizer,
            FastSyncSettings settings,
            VersionCounters counters,
            EntityManager em,
            SyncMetrics metrics) {
        return new PushService(
                new PushValidator(registry, new ZoneAuthority(authorizer), settings),
                counters,
                new PushReceipts(em, Clock.systemUTC()),
                new Submissions(em, Clock.systemUTC()),
                new ConflictDetector(),
                new ConflictSettler(),
                new PushApplier(),
                Metrics.of(metrics));
    }

    /** A push from the caller the container authenticated (an application's own security). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PushResponse push(PushRequest request) {
        return push(request, ContainerCallers.of(context, settings.security()));
    }

    /**
     * @param caller who the push comes from, as the REST edge or the application established it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PushResponse push(PushRequest request, Caller caller) {
        SyncMetrics recorded = metrics.get();
        try (Traced traced = recorded.begin("fastsync.push")) {
            try {
                return push(request, caller, recorded, traced);
            } catch (RuntimeException e) {
                traced.failed(e);
                throw e;
            }
        }
    }

    /**
     * Each settled conflict, once: to the metrics, and as a {@link ConflictSettled} event with the
     * zone the push was admitted to, for the admin API and the application to observe.
     *
     * @return how many there were
     */
    private int publishConflicts(List<TypeDecisions<?>> settled, PushResponse response, SyncMetrics recorded) {
        int conflicts = 0;
        for (TypeDecisions<?> type : settled) {
            String name = type.batch().type().name();
            for (ObjectResult result : response.results().getOrDefault(name, List.of())) {
                if (result.outcome() == PushOutcome.RESOLVED) {
                    conflicts++;
                    recorded.conflict(name, result.strategy(), result.winner());
                    if (conflictEvents != null) {
                        conflictEvents.fire(
                                new ConflictSettled(name, type.batch().zone(), result));
                    }
                }
            }
        }
        return conflicts;
    }

    /** The push's steps, each a piece of work in the operator's traces. */
    private PushResponse push(PushRequest request, Caller caller, SyncMetrics recorded, Traced traced) {
        long started = System.nanoTime();
        ValidatedPush push = step(recorded, "fastsync.push.validate", () -> validator.validate(request, caller));
        traced.attribute("fastsync.types", String.join(",", push.typeNames()))
                .attribute("fastsync.objects", push.objectCount());
        long locking = System.nanoTime();
        Map<VersionCounter.Key, VersionCounters.Sequence> versions =
                step(recorded, "fastsync.push.lock", () -> counters.lock(push.counterKeys()));
        recorded.waitedForLocks(Duration.ofNanos(System.nanoTime() - locking));
        // Looked up under the zone locks: a concurrent first try of the same push has committed by now.
        Optional<PushResponse> replay = receipts.replay(push);
        if (replay.isPresent()) {
            recorded.replayed(true);
            recorded.pushed(Duration.ofNanos(System.nanoTime() - started), push.objectCount());
            traced.attribute("fastsync.result", "replayed");
            return replay.get();
        }
        // A keyless retry is told by its objects, also looked up under the locks.
        Set<String> retried = submissions.seen(push);
        List<TypeDecisions<?>> detected = step(recorded, "fastsync.push.detect", () -> detector.detect(push, retried));
        List<TypeDecisions<?>> settled = step(recorded, "fastsync.push.settle", () -> settler.settle(detected));
        PushResponse response = step(recorded, "fastsync.push.apply", () -> applier.apply(settled, versions));
        step(recorded, "fastsync.push.record", () -> {
            receipts.record(push, response);
            submissions.record(push, retried);
        });
        retried.forEach(digest -> recorded.replayed(false));
        int conflicts = publishConflicts(settled, response, recorded);
        recorded.pushed(Duration.ofNanos(System.nanoTime() - started), push.objectCount());
        traced.attribute("fastsync.result", "applied").attribute("fastsync.conflicts", conflicts);
        return response;
    }
}
