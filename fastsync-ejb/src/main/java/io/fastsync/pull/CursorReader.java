package io.fastsync.pull;

import io.fastsync.error.ZoneForbiddenException;
import io.fastsync.registry.RegisteredType;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.WireJson;
import io.fastsync.zone.ZoneAccess;
import io.fastsync.zone.ZoneAuthorizer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a pull request's per-type metadata into cursors: a known type, a permitted zone, a version. */
public final class CursorReader {

    private final SyncTypeRegistry registry;
    private final ZoneAuthorizer authorizer;

    public CursorReader(SyncTypeRegistry registry, ZoneAuthorizer authorizer) {
        this.registry = registry;
        this.authorizer = authorizer;
    }

    /** @param caller may be null */
    public List<PullTarget<?>> read(PullRequest request, Principal caller) {
        List<PullTarget<?>> targets = new ArrayList<>();
        for (Map.Entry<String, SyncMetadata> entry : request.metadata().entrySet()) {
            String pointer = "/metadata/" + WireJson.escape(entry.getKey());
            RegisteredType<?> type = registry.require(entry.getKey(), pointer);
            String zone = type.zoneFor(entry.getValue().syncZone(), pointer + "/syncZone");
            if (!authorizer.permits(caller, type.name(), zone, ZoneAccess.READ)) {
                throw new ZoneForbiddenException(type.name(), null, pointer + "/syncZone",
                        "the caller may not read zone '" + zone + "' of type " + type.name());
            }
            targets.add(new PullTarget<>(type, zone, entry.getValue().version()));
        }
        return targets;
    }
}
