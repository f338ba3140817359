package io.fastsync.push;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.version.VersionCounter;
import io.fastsync.version.VersionCounters;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.zone.ZoneAuthorizer;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;

/** The steps of a push, in the caller's transaction. {@link PushService} runs it in the container. */
public final class PushPipeline {

    private final PushValidator validator;
    private final VersionCounters counters;
    private final PushReceipts receipts;
    private final PushApplier applier = new PushApplier();

    public PushPipeline(SyncTypeRegistry registry, VersionCounters counters, PushReceipts receipts,
                        ZoneAuthorizer authorizer, FastSyncSettings settings) {
        this.validator = new PushValidator(registry, authorizer, settings);
        this.counters = counters;
        this.receipts = receipts;
    }

    /** @param caller may be null */
    public PushResponse run(PushRequest request, Principal caller) {
        ValidatedPush push = validator.validate(request, caller);
        Map<VersionCounter.Key, VersionCounters.Sequence> versions = counters.lock(push.counterKeys());
        // Looked up under the zone locks: a concurrent first try of the same push has committed by now.
        Optional<PushResponse> replay = receipts.replay(push);
        if (replay.isPresent()) {
            return replay.get();
        }
        PushResponse response = applier.apply(push, versions);
        receipts.record(push, response);
        return response;
    }
}
