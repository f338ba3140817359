package io.fastsync.push;

import io.fastsync.error.ZoneConflictException;
import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncOperation;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each pushed object is, compared with the stored copy: new, unchanged, an edit of
 * what the client saw, or a conflict. Conflicts are detected from the version the client last saw
 * (its base), never from timestamps or version gaps. Runs with the push's zones locked.
 */
@Dependent
class ConflictDetector {

    /** What to do with one pushed object. */
    enum Decision {
        /** No stored copy: store the client's. */
        INSERT,
        /**
         * The stored copy holds the same content, or the object is a keyless retry of one settled
         * before: nothing to write.
         */
        UNCHANGED,
        /** The client saw the stored version: store the client's copy. */
        APPLY,
        /**
         * The stored copy changed after the version the client saw, or the client claims to have
         * seen a version the object never had: the type's strategy decides.
         */
        CONFLICT
    }

    /**
     * Reads the stored copies of each type in one query and decides each object.
     *
     * @param retried the digests of keyless objects that an earlier push carried ({@link Submissions})
     * @throws ZoneConflictException if an object lives in another zone than the push's
     */
    List<TypeDecisions<?>> detect(ValidatedPush push, Set<String> retried) {
        List<TypeDecisions<?>> decisions = new ArrayList<>(push.batches().size());
        for (TypeBatch<?> batch : push.batches()) {
            decisions.add(detect(batch, retried));
        }
        return decisions;
    }

    private static <T> TypeDecisions<T> detect(TypeBatch<T> batch, Set<String> retried) {
        SyncStore<T> store = batch.type().store();
        Map<String, T> stored = store.findByIds(batch.zone(), batch.ids());
        List<ObjectDecision<T>> objects = new ArrayList<>(batch.objects().size());
        for (IncomingObject<T> incoming : batch.objects()) {
            T current = stored.get(incoming.id());
            SyncMeta currentMeta = current == null ? null : store.values().meta(current);
            if (currentMeta != null && !currentMeta.zone().equals(batch.zone())) {
                // Only where ids are unique across zones (entity tables): an object stays in the zone
                // it was created in.
                throw new ZoneConflictException(
                        batch.type().name(),
                        incoming.id(),
                        incoming.pointer(),
                        "object " + incoming.id() + " of type " + batch.type().name() + " belongs to another zone");
            }
            boolean same = current != null
                    && (retried.contains(incoming.digest()) || store.values().sameContent(current, incoming.value()));
            objects.add(new ObjectDecision<>(
                    incoming, current, decide(currentMeta, same, baseVersion(incoming.sent())), null));
        }
        return new TypeDecisions<>(batch, objects);
    }

    /**
     * The version the client last saw. Clients of the extended protocol state it; old clients send
     * the last seen version plus one, and for objects they never synced a sentinel (TypeScript
     * 1000, Dart 1), so an add counts as "saw nothing".
     */
    static long baseVersion(SyncMetadata metadata) {
        if (metadata.baseVersion() != null) {
            return metadata.baseVersion();
        }
        if (metadata.syncOperation() == SyncOperation.ADD) {
            return 0;
        }
        return Math.max(0, metadata.version() - 1);
    }

    /**
     * @param stored      the stored copy's metadata, or null when there is none
     * @param sameContent whether the stored copy holds the same fields and deleted flag
     * @param base        the version the client last saw
     */
    static Decision decide(SyncMeta stored, boolean sameContent, long base) {
        if (stored == null) {
            return Decision.INSERT;
        }
        if (sameContent) {
            return Decision.UNCHANGED;
        }
        // Only a base equal to the stored version says the client saw the stored copy. A base below
        // it is an older copy; a base above it is a version this object never had here: the
        // TypeScript client's 1001 for an object it pushed but has not pulled since, a client
        // restored from an old backup, or a client of a server whose database was restored. The
        // server cannot know what such a client saw, so it never applies the copy blind.
        return stored.version() == base ? Decision.APPLY : Decision.CONFLICT;
    }
}
