package io.fastsync.pull;

import io.fastsync.registry.RegisteredType;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.WireJson;
import io.fastsync.zone.Caller;
import io.fastsync.zone.ZoneAccess;
import io.fastsync.zone.ZoneAuthority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a pull request's per-type metadata into cursors: a known type, a zone the caller may read, a version. */
@Dependent
class CursorReader {

    private final SyncTypeRegistry registry;
    private final ZoneAuthority zones;

    @Inject
    CursorReader(SyncTypeRegistry registry, ZoneAuthority zones) {
        this.registry = registry;
        this.zones = zones;
    }

    /** @param caller who asks; never null, {@link Caller#ANONYMOUS} where nobody is known */
    List<PullTarget<?>> read(PullRequest request, Caller caller) {
        List<PullTarget<?>> targets = new ArrayList<>();
        for (Map.Entry<String, SyncMetadata> entry : request.metadata().entrySet()) {
            String pointer = "/metadata/" + WireJson.escape(entry.getKey());
            RegisteredType<?> type = registry.require(entry.getKey(), pointer);
            String zone =
                    zones.admit(caller, type, entry.getValue().syncZone(), ZoneAccess.READ, pointer + "/syncZone");
            targets.add(new PullTarget<>(
                    type, zone, entry.getValue().version(), entry.getValue().timestamp()));
        }
        return targets;
    }
}
