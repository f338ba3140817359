package io.fastsync.push;

import io.fastsync.conflict.Conflict;
import io.fastsync.entity.SyncMeta;
import io.fastsync.entity.SyncStore;
import io.fastsync.error.ZoneConflictException;
import io.fastsync.registry.RegisteredType;
import io.fastsync.version.VersionCounter;
import io.fastsync.version.VersionCounters;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.Numbers;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a validated push whose zones are locked: reads the stored copies of each type in one
 * query, decides each object, resolves conflicts by the type's strategy, and stamps every write
 * with the next version of its zone. Writes are flushed together when the transaction commits,
 * so a push costs a few statements per type, not per object.
 */
public final class PushApplier {

    /** @param versions the locked sequences of the push's zones */
    public PushResponse apply(ValidatedPush push, Map<VersionCounter.Key, VersionCounters.Sequence> versions) {
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        for (TypeBatch<?> batch : push.batches()) {
            results.put(batch.type().name(), applyBatch(batch, versions.get(batch.counterKey())));
        }
        return new PushResponse(results, false);
    }

    private <T> List<ObjectResult> applyBatch(TypeBatch<T> batch, VersionCounters.Sequence versions) {
        RegisteredType<T> type = batch.type();
        SyncStore<T> store = type.store();
        Map<String, T> stored = store.findByIds(batch.ids());
        List<ObjectResult> results = new ArrayList<>(batch.objects().size());
        for (IncomingObject<T> incoming : batch.objects()) {
            T current = stored.get(incoming.id());
            SyncMeta currentMeta = current == null ? null : store.meta(current);
            if (currentMeta != null && !currentMeta.zone().equals(batch.zone())) {
                // Ids are not scoped by the request: an object stays in the zone it was created in.
                throw new ZoneConflictException(type.name(), incoming.id(), incoming.pointer(),
                        "object " + incoming.id() + " of type " + type.name() + " belongs to another zone");
            }
            boolean same = current != null && store.sameContent(current, incoming.value());
            results.add(switch (ConflictDetector.decide(currentMeta, same, incoming.base())) {
                case INSERT -> {
                    store.stamp(incoming.value(), versions.next(), incoming.timestamp(), incoming.operation(), incoming.deleted());
                    store.insert(incoming.value());
                    yield result(store, incoming.value(), PushOutcome.APPLIED, null, null);
                }
                case UNCHANGED -> result(store, current, PushOutcome.UNCHANGED, null, null);
                case APPLY -> result(store, writeClientCopy(store, incoming, versions), PushOutcome.APPLIED, null, null);
                case CONFLICT -> resolve(type, current, incoming, versions);
            });
        }
        return results;
    }

    private <T> ObjectResult resolve(RegisteredType<T> type, T current, IncomingObject<T> incoming,
                                     VersionCounters.Sequence versions) {
        SyncStore<T> store = type.store();
        SyncMeta currentMeta = store.meta(current);
        T kept = type.conflicts().resolve(new Conflict<>(type.name(), incoming.id(), current, incoming.value(),
                currentMeta.timestamp(), incoming.timestamp()));
        String strategy = type.conflicts().strategy().configName();
        if (kept == incoming.value() || store.sameContent(kept, incoming.value())) {
            return result(store, writeClientCopy(store, incoming, versions), PushOutcome.RESOLVED, ConflictWinner.CLIENT, strategy);
        }
        if (kept == current || store.sameContent(kept, current)) {
            // The server's copy stays, under a new version: the losing client's cursor may be past
            // the old one, and it must receive the copy that won.
            boolean deleted = currentMeta.deleted();
            store.stamp(current, versions.next(), currentMeta.timestamp(), deleted ? SyncOperation.DELETE : SyncOperation.UPDATE, deleted);
            return result(store, current, PushOutcome.RESOLVED, ConflictWinner.SERVER, strategy);
        }
        store.identify(kept, incoming.id(), currentMeta.zone());
        boolean deleted = store.meta(kept).deleted();
        store.stamp(kept, versions.next(), Numbers.micros(Instant.now()), deleted ? SyncOperation.DELETE : SyncOperation.UPDATE, deleted);
        return result(store, store.replace(kept), PushOutcome.RESOLVED, ConflictWinner.MERGED, strategy);
    }

    private static <T> T writeClientCopy(SyncStore<T> store, IncomingObject<T> incoming, VersionCounters.Sequence versions) {
        store.stamp(incoming.value(), versions.next(), incoming.timestamp(), incoming.operation(), incoming.deleted());
        return store.replace(incoming.value());
    }

    private static <T> ObjectResult result(SyncStore<T> store, T value, PushOutcome outcome, ConflictWinner winner, String strategy) {
        SyncMeta meta = store.meta(value);
        return new ObjectResult(meta.id(), outcome, winner, strategy, meta.version(), meta.deleted());
    }
}
