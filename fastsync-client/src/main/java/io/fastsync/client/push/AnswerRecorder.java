package io.fastsync.client.push;

import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.StoredObject;
import io.fastsync.client.store.TypeState;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import java.util.List;
import java.util.Map;

/** Records a push answer in the store, object by object, in the transaction that forgets the pending push. */
final class AnswerRecorder {

    private AnswerRecorder() {}

    static void record(StoreTransaction tx, PendingPush sent, PushResponse answer) {
        for (Map.Entry<String, List<ObjectResult>> e : answer.results().entrySet()) {
            for (ObjectResult r : e.getValue()) {
                record(tx, e.getKey(), r, sent.revisionOf(e.getKey(), r.id()));
            }
            if (answer.replayed()) {
                rewindCursor(tx, e.getKey(), e.getValue());
            }
            rememberPushed(tx, e.getKey(), e.getValue(), answer.marks().getOrDefault(e.getKey(), 0L));
        }
    }

    /**
     * The objects now hold versions the cursor may not have reached; the next pull names the
     * highest with its mark, so that the server can tell if its database lost them since.
     */
    private static void rememberPushed(StoreTransaction tx, String type, List<ObjectResult> results, long mark) {
        TypeState state = tx.typeState(type);
        long highest = results.stream().mapToLong(ObjectResult::version).max().orElse(0);
        if (state != null && mark > 0 && highest > state.pushed()) {
            tx.putTypeState(state.withPushed(highest, mark));
        }
    }

    private static void record(StoreTransaction tx, String type, ObjectResult r, Long sentRevision) {
        StoredObject current =
                sentRevision == null ? null : tx.find(type, r.id()).orElse(null);
        if (current == null) {
            return; // not an object of this push, or forgotten locally (hardDelete) meanwhile
        }
        if (r.outcome() == null) {
            // A status this client does not know: we cannot tell whose copy the server holds, so
            // the change stays pending on its old base; the worst case is a conflict the server resolves.
            return;
        }
        // An edit made while the push was in flight moved the revision: it stays pending.
        boolean stillPending = current.revision() != sentRevision;
        // When the server kept its own copy (or a merge), we do not hold the content of r.version,
        // so claiming it as our base would let the next edit silently overwrite the winner. We keep
        // the old base; the next pull brings the winner, which is above our cursor and replaces
        // this copy now that it is no longer pending.
        boolean serverCopyKept = r.outcome() == PushOutcome.RESOLVED && r.winner() != ConflictWinner.CLIENT;
        long newBase = serverCopyKept ? current.baseVersion() : r.version();
        if (!stillPending && current.deleted() && r.deleted()) {
            tx.delete(type, r.id()); // the delete is done on both sides; no tombstone to keep
        } else {
            tx.put(current.acknowledged(newBase, stillPending));
        }
    }

    /**
     * A replayed answer states the versions of the first application of the push. Any pull since
     * then skipped these objects while they were pending, possibly over a later change by another
     * client, and moved the cursor past it. Pulling again from our own versions re-delivers those
     * changes; copies we already hold come back unchanged. Replays are rare, so the extra pull is cheap.
     */
    private static void rewindCursor(StoreTransaction tx, String type, List<ObjectResult> results) {
        TypeState state = tx.typeState(type);
        long lowest = results.stream().mapToLong(ObjectResult::version).min().orElse(Long.MAX_VALUE);
        // Every later change of these objects has a version above their own result's, so above the lowest.
        if (state != null && lowest < state.cursor()) {
            tx.putTypeState(state.withCursor(lowest));
        }
    }
}
