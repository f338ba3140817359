package io.fastsync.push;

import io.fastsync.conflict.Conflict;
import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.conflict.Resolution;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.ConflictWinner;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles each detected conflict by its type's strategy: the strategy says which copy to keep,
 * and the settler tells whose it is (the client's, the server's, or a third one). Writes nothing.
 */
@Dependent
class ConflictSettler {

    /** @return the same decisions, each conflict with its resolution */
    List<TypeDecisions<?>> settle(List<TypeDecisions<?>> detected) {
        List<TypeDecisions<?>> settled = new ArrayList<>(detected.size());
        for (TypeDecisions<?> type : detected) {
            settled.add(settle(type));
        }
        return settled;
    }

    private static <T> TypeDecisions<T> settle(TypeDecisions<T> type) {
        List<ObjectDecision<T>> objects = new ArrayList<>(type.objects().size());
        for (ObjectDecision<T> d : type.objects()) {
            objects.add(
                    d.decision() == ConflictDetector.Decision.CONFLICT
                            ? d.settledBy(resolve(type.batch(), d.stored(), d.incoming()))
                            : d);
        }
        return new TypeDecisions<>(type.batch(), objects);
    }

    private static <T> Resolution<T> resolve(TypeBatch<T> batch, T current, IncomingObject<T> incoming) {
        SyncStore<T> store = batch.type().store();
        ConflictsHandler<T> handler = batch.type().conflicts();
        T kept = handler.resolve(new Conflict<>(
                batch.type().name(),
                incoming.id(),
                current,
                incoming.value(),
                store.values().meta(current).timestamp(),
                incoming.timestamp()));
        ConflictWinner winner;
        if (kept == incoming.value() || store.values().sameContent(kept, incoming.value())) {
            winner = ConflictWinner.CLIENT;
        } else if (kept == current || store.values().sameContent(kept, current)) {
            winner = ConflictWinner.SERVER;
        } else {
            winner = ConflictWinner.MERGED;
        }
        return new Resolution<>(winner, kept, handler.strategy());
    }
}
