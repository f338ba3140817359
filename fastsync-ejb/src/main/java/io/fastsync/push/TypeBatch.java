package io.fastsync.push;

import io.fastsync.internal.version.VersionCounter;
import io.fastsync.registry.RegisteredType;
import java.util.List;

/**
 * The objects a push holds for one type, all in one zone.
 *
 * @param objects in push order, ids unique
 */
record TypeBatch<T>(RegisteredType<T> type, String zone, List<IncomingObject<T>> objects) {

    public VersionCounter.Key counterKey() {
        return new VersionCounter.Key(type.name(), zone);
    }

    public List<String> ids() {
        return objects.stream().map(IncomingObject::id).toList();
    }
}
