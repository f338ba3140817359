package io.fastsync.client.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A store that lives in memory only: for tests, and for applications that pull everything at each
 * start. Transactions run one at a time; one that throws is undone.
 */
public final class MemoryStore implements LocalStore {

    /** Objects by type, then by id; ids sorted so that pushes list objects in a stable order. */
    final Map<String, TreeMap<String, StoredObject>> objects = new TreeMap<>();

    final Map<String, TypeState> types = new TreeMap<>();
    PendingPush pendingPush;

    @Override
    public synchronized <R> R transact(Function<StoreTransaction, R> work) {
        MemoryTransaction tx = new MemoryTransaction(this);
        try {
            return work.apply(tx);
        } catch (RuntimeException | Error e) {
            tx.undo();
            throw e;
        }
    }

    @Override
    public void close() {
        // Nothing to release; the data goes with the object.
    }
}
