package io.fastsync.push;

import io.fastsync.entity.SyncMeta;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncOperation;

/**
 * Decides what a pushed object is, compared with the stored copy. Conflicts are detected from
 * the version the client last saw (its base), never from timestamps or version gaps.
 */
public final class ConflictDetector {

    /** What to do with one pushed object. */
    public enum Decision {
        /** No stored copy: store the client's. */
        INSERT,
        /** The stored copy holds the same content: nothing to write (a retry, or two equal edits). */
        UNCHANGED,
        /** The client saw the stored version: store the client's copy. */
        APPLY,
        /**
         * The stored copy changed after the version the client saw, or the client claims to have
         * seen a version the object never had: the type's strategy decides.
         */
        CONFLICT
    }

    private ConflictDetector() {
    }

    /**
     * The version the client last saw. Clients of the extended protocol state it; old clients send
     * the last seen version plus one, and for objects they never synced a sentinel (TypeScript
     * 1000, Dart 1), so an add counts as "saw nothing".
     */
    public static long baseVersion(SyncMetadata metadata) {
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
    public static Decision decide(SyncMeta stored, boolean sameContent, long base) {
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
