package io.fastsync.client.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A transaction on a {@link MemoryStore}: writes go straight in, each with a step to undo it. */
final class MemoryTransaction implements StoreTransaction {

    private final MemoryStore store;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    MemoryTransaction(MemoryStore store) {
        this.store = store;
    }

    void undo() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @Override
    public Optional<StoredObject> find(String type, String id) {
        return Optional.ofNullable(byId(type).get(id));
    }

    @Override
    public List<StoredObject> all(String type) {
        return List.copyOf(byId(type).values());
    }

    @Override
    public List<StoredObject> pending(String type) {
        return byId(type).values().stream().filter(StoredObject::pending).toList();
    }

    @Override
    public long pendingCount(String type) {
        return byId(type).values().stream().filter(StoredObject::pending).count();
    }

    @Override
    public void put(StoredObject object) {
        StoredObject before = byId(object.type()).put(object.id(), object);
        undo.push(() -> restore(object.type(), object.id(), before));
    }

    @Override
    public void delete(String type, String id) {
        StoredObject before = byId(type).remove(id);
        undo.push(() -> restore(type, id, before));
    }

    @Override
    public void deleteAll(String type, boolean alsoPending) {
        for (StoredObject o : new ArrayList<>(byId(type).values())) {
            if (alsoPending || !o.pending()) {
                delete(type, o.id());
            }
        }
    }

    @Override
    public TypeState typeState(String type) {
        return store.types.get(type);
    }

    @Override
    public void putTypeState(TypeState state) {
        TypeState before = store.types.put(state.type(), state);
        undo.push(() -> {
            if (before == null) {
                store.types.remove(state.type());
            } else {
                store.types.put(state.type(), before);
            }
        });
    }

    @Override
    public List<TypeState> typeStates() {
        return List.copyOf(store.types.values());
    }

    @Override
    public PendingPush pendingPush() {
        return store.pendingPush;
    }

    @Override
    public void putPendingPush(PendingPush push) {
        PendingPush before = store.pendingPush;
        store.pendingPush = push;
        undo.push(() -> store.pendingPush = before);
    }

    @Override
    public void clearPendingPush() {
        PendingPush before = store.pendingPush;
        store.pendingPush = null;
        undo.push(() -> store.pendingPush = before);
    }

    private TreeMap<String, StoredObject> byId(String type) {
        return store.objects.computeIfAbsent(type, t -> new TreeMap<>());
    }

    private void restore(String type, String id, StoredObject before) {
        if (before == null) {
            byId(type).remove(id);
        } else {
            byId(type).put(id, before);
        }
    }
}
