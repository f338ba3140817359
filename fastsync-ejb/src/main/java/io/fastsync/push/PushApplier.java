package io.fastsync.push;

import io.fastsync.conflict.Resolution;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.Numbers;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncOperation;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what the push decided and stamps every write with the next version of its zone; answers
 * per object. Writes are flushed together when the transaction commits, so a push costs a few
 * statements per type, not per object. Whoever wins a conflict gets a new version, so that every
 * client, the loser included, receives the result on its next pull.
 */
@Dependent
class PushApplier {

    /** @param versions the locked sequences of the push's zones */
    PushResponse apply(List<TypeDecisions<?>> decisions, Map<VersionCounter.Key, VersionCounters.Sequence> versions) {
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        Map<String, Long> marks = new LinkedHashMap<>();
        for (TypeDecisions<?> type : decisions) {
            VersionCounters.Sequence sequence = versions.get(type.batch().counterKey());
            results.put(type.batch().type().name(), apply(type, sequence));
            // The mark the versions just handed out belong to: the zone's newest.
            if (sequence.markedAt() > 0) {
                marks.put(type.batch().type().name(), sequence.markedAt());
            }
        }
        return new PushResponse(results, false, marks);
    }

    private static <T> List<ObjectResult> apply(TypeDecisions<T> type, VersionCounters.Sequence versions) {
        SyncStore<T> store = type.batch().type().store();
        List<ObjectResult> results = new ArrayList<>(type.objects().size());
        for (ObjectDecision<T> d : type.objects()) {
            IncomingObject<T> incoming = d.incoming();
            results.add(
                    switch (d.decision()) {
                        case INSERT -> {
                            stampAsSent(store, incoming, versions);
                            store.insert(incoming.value());
                            yield result(store, incoming.value(), PushOutcome.APPLIED, null);
                        }
                        case UNCHANGED -> result(store, d.stored(), PushOutcome.UNCHANGED, null);
                        case APPLY ->
                            result(store, writeClientCopy(store, incoming, versions), PushOutcome.APPLIED, null);
                        case CONFLICT ->
                            result(store, writeResolution(store, d, versions), PushOutcome.RESOLVED, d.resolution());
                    });
        }
        return results;
    }

    private static <T> T writeResolution(SyncStore<T> store, ObjectDecision<T> d, VersionCounters.Sequence versions) {
        Resolution<T> resolution = d.resolution();
        if (resolution.winner() == ConflictWinner.CLIENT) {
            return writeClientCopy(store, d.incoming(), versions);
        }
        T current = d.stored();
        SyncMeta currentMeta = store.values().meta(current);
        if (resolution.winner() == ConflictWinner.SERVER) {
            // The server's copy stays, under a new version: the losing client's cursor may be past
            // the old one, and it must receive the copy that won.
            boolean deleted = currentMeta.deleted();
            store.values()
                    .stamp(
                            current,
                            versions.next(),
                            currentMeta.timestamp(),
                            deleted ? SyncOperation.DELETE : SyncOperation.UPDATE,
                            deleted);
            return current;
        }
        T kept = resolution.kept();
        store.values().identify(kept, d.incoming().id(), currentMeta.zone());
        boolean deleted = store.values().meta(kept).deleted();
        store.values()
                .stamp(
                        kept,
                        versions.next(),
                        Numbers.micros(Instant.now()),
                        deleted ? SyncOperation.DELETE : SyncOperation.UPDATE,
                        deleted);
        return store.replace(kept);
    }

    private static <T> T writeClientCopy(
            SyncStore<T> store, IncomingObject<T> incoming, VersionCounters.Sequence versions) {
        stampAsSent(store, incoming, versions);
        return store.replace(incoming.value());
    }

    /** Stamps the client's copy with the next version and the change as the client sent it. */
    private static <T> void stampAsSent(
            SyncStore<T> store, IncomingObject<T> incoming, VersionCounters.Sequence versions) {
        store.values()
                .stamp(
                        incoming.value(),
                        versions.next(),
                        incoming.timestamp(),
                        incoming.operation(),
                        incoming.deleted());
    }

    private static <T> ObjectResult result(SyncStore<T> store, T value, PushOutcome outcome, Resolution<T> resolution) {
        SyncMeta meta = store.values().meta(value);
        return new ObjectResult(
                meta.id(),
                outcome,
                resolution == null ? null : resolution.winner(),
                resolution == null ? null : resolution.strategy().configName(),
                meta.version(),
                meta.deleted());
    }
}
