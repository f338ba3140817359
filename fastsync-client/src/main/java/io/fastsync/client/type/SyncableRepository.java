package io.fastsync.client.type;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.StoredObject;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The local objects of one type. Edits are local and immediate: each marks the object pending
 * until a push is acknowledged. Reads never show deleted objects. Thread-safe; edits may run
 * while a push or pull is in flight.
 *
 * @param <T> the application's class, or {@link jakarta.json.JsonObject} for a document type
 */
public final class SyncableRepository<T> {

    private final SyncType<T> type;
    private final LocalStore store;
    private final Clock clock;
    private final Runnable edited;

    /** Usually obtained from {@code SyncManager.register}; all arguments never null. */
    public SyncableRepository(SyncType<T> type, LocalStore store, Clock clock) {
        this(type, store, clock, () -> {});
    }

    /** @param edited told after each local edit has been stored (live mode pushes it) */
    public SyncableRepository(SyncType<T> type, LocalStore store, Clock clock, Runnable edited) {
        this.type = Objects.requireNonNull(type, "type");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.edited = Objects.requireNonNull(edited, "edited");
    }

    /** @return the type this repository holds; never null */
    public SyncType<T> type() {
        return type;
    }

    /**
     * Adds a new object; it is pushed as an add.
     *
     * @param object never null; without an id, a random UUID becomes its id
     * @return the object as stored, read back through the mapper, so it carries its id
     * @throws IllegalStateException if an object with this id exists, deleted ones included
     */
    public T add(T object) {
        String given = type.mapper().idOf(object);
        String id = given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
        var fields = FieldRules.checked(type, id, object);
        store.update(tx -> {
            if (tx.find(type.name(), id).isPresent()) {
                throw new IllegalStateException(type.name() + " " + id + " exists already");
            }
            tx.put(StoredObject.added(type.name(), id, fields, FieldRules.micros(clock)));
        });
        edited.run();
        return type.mapper().fromFields(id, fields);
    }

    /**
     * Replaces an existing object's fields; it is pushed as an update (or still as an add if the
     * server has never had it).
     *
     * @param object never null; must carry the id of an object that exists and is not deleted
     * @return the object as stored
     * @throws NoSuchElementException if there is no such object
     */
    public T update(T object) {
        String id = type.mapper().idOf(object);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an object to update must carry its id");
        }
        var fields = FieldRules.checked(type, id, object);
        store.update(tx -> {
            StoredObject current = live(tx, id)
                    .orElseThrow(() -> new NoSuchElementException(type.name() + " " + id + " does not exist"));
            tx.put(current.edited(fields, false, FieldRules.micros(clock)));
        });
        edited.run();
        return type.mapper().fromFields(id, fields);
    }

    /**
     * Deletes an object: it becomes a tombstone that the next push sends. An object the server
     * has never had, and that no unanswered push holds, is simply forgotten.
     *
     * @param id never null
     * @return false if there was no such object
     */
    public boolean remove(String id) {
        boolean removed = store.transact(tx -> {
            Optional<StoredObject> current = live(tx, id);
            if (current.isEmpty()) {
                return false;
            }
            StoredObject o = current.get();
            PendingPush unanswered = tx.pendingPush();
            if (o.baseVersion() == 0 && (unanswered == null || unanswered.revisionOf(type.name(), id) == null)) {
                tx.delete(type.name(), id);
            } else {
                tx.put(o.edited(o.fields(), true, FieldRules.micros(clock)));
            }
            return true;
        });
        if (removed) {
            edited.run();
        }
        return removed;
    }

    /** @return the object, unless absent or deleted; never null */
    public Optional<T> findById(String id) {
        return store.transact(tx -> live(tx, id)).map(this::toObject);
    }

    /** @return every object not deleted, by id; never null */
    public List<T> getAll() {
        return query(o -> true);
    }

    /** @return the objects not deleted that the filter accepts, by id; never null */
    public List<T> query(Predicate<? super T> filter) {
        return store.transact(tx -> tx.all(type.name())).stream()
                .filter(o -> !o.deleted())
                .map(this::toObject)
                .filter(filter)
                .toList();
    }

    /** @return how many objects are not deleted */
    public long count() {
        return store.transact(
                tx -> tx.all(type.name()).stream().filter(o -> !o.deleted()).count());
    }

    /** @return how many objects, deleted ones included, carry a change not yet pushed */
    public long pendingCount() {
        return store.transact(tx -> tx.pendingCount(type.name()));
    }

    /**
     * Forgets the local copy of an object, pending change included, without telling the server.
     * The server's copy comes back only if it changes, or on a hard reset.
     *
     * @return false if the store did not hold it
     */
    public boolean hardDelete(String id) {
        return store.transact(tx -> {
            boolean present = tx.find(type.name(), id).isPresent();
            tx.delete(type.name(), id);
            return present;
        });
    }

    private Optional<StoredObject> live(StoreTransaction tx, String id) {
        return tx.find(type.name(), id).filter(o -> !o.deleted());
    }

    private T toObject(StoredObject o) {
        return type.mapper().fromFields(o.id(), o.fields());
    }
}
