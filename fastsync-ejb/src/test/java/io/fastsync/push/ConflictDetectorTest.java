package io.fastsync.push;

import static io.fastsync.push.ConflictDetector.Decision.APPLY;
import static io.fastsync.push.ConflictDetector.Decision.CONFLICT;
import static io.fastsync.push.ConflictDetector.Decision.INSERT;
import static io.fastsync.push.ConflictDetector.Decision.UNCHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.store.SyncMeta;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncOperation;
import org.junit.jupiter.api.Test;

class ConflictDetectorTest {

    private static SyncMetadata sent(long version, SyncOperation op, Long base) {
        return new SyncMetadata("x", "Item", version, "z", 0, op, base);
    }

    private static SyncMeta stored(long version) {
        return new SyncMeta("x", "z", version, 0, SyncOperation.UPDATE, false);
    }

    @Test
    void oldClientUpdateSawVersionMinusOne() {
        assertEquals(4, ConflictDetector.baseVersion(sent(5, SyncOperation.UPDATE, null)));
        assertEquals(4, ConflictDetector.baseVersion(sent(5, SyncOperation.DELETE, null)));
    }

    @Test
    void addsOfOldClientsSawNothingWhateverSentinelTheySend() {
        assertEquals(0, ConflictDetector.baseVersion(sent(1000, SyncOperation.ADD, null)));
        assertEquals(0, ConflictDetector.baseVersion(sent(1, SyncOperation.ADD, null)));
    }

    @Test
    void statedBaseVersionWins() {
        assertEquals(7, ConflictDetector.baseVersion(sent(1000, SyncOperation.UPDATE, 7L)));
        assertEquals(3, ConflictDetector.baseVersion(sent(1, SyncOperation.ADD, 3L)));
    }

    @Test
    void decisions() {
        assertEquals(INSERT, ConflictDetector.decide(null, false, 0));
        assertEquals(UNCHANGED, ConflictDetector.decide(stored(9), true, 0));
        assertEquals(APPLY, ConflictDetector.decide(stored(9), false, 9));
        assertEquals(CONFLICT, ConflictDetector.decide(stored(9), false, 8));
        assertEquals(CONFLICT, ConflictDetector.decide(stored(1), false, 0));
    }

    @Test
    void aBaseAboveTheStoredVersionIsAConflictNotAnEdit() {
        // The TypeScript client's 1001 (base 1000) for an object it pushed as v2 and has not pulled
        // since; a client restored from a backup; a client of a restored database.
        assertEquals(CONFLICT, ConflictDetector.decide(stored(2), false, 1000));
        assertEquals(CONFLICT, ConflictDetector.decide(stored(9), false, 12));
        assertEquals(CONFLICT, ConflictDetector.decide(stored(9), false, 10));
        assertEquals(UNCHANGED, ConflictDetector.decide(stored(9), true, 12));
    }

    @Test
    void aVersionGapIsNoConflictWhenTheClientSawTheStoredVersion() {
        // Old servers called every gap other than 1 a conflict; the stored version is what matters.
        assertEquals(APPLY, ConflictDetector.decide(stored(3), false, 3));
    }
}
