package io.fastsync.client.store;

import java.util.List;
import java.util.Optional;

/** The reads and writes a store offers inside one transaction. */
public interface StoreTransaction {

    /** @return the object, tombstones included; never null */
    Optional<StoredObject> find(String type, String id);

    /** @return every object of the type, tombstones included, by id; never null */
    List<StoredObject> all(String type);

    /** @return the objects of the type whose change waits to be pushed, by id; never null */
    List<StoredObject> pending(String type);

    /**
     * Counts the type's objects, tombstones included, whose change waits to be pushed. A store
     * should count them where they are kept, without reading them: the default reads them all,
     * for a store that has no cheaper way.
     *
     * @return the size {@link #pending} would have
     */
    default long pendingCount(String type) {
        return pending(type).size();
    }

    /** Inserts or replaces the object with the same type and id. */
    void put(StoredObject object);

    /** Removes the object if present. */
    void delete(String type, String id);

    /** Removes the type's objects: those not pending, and the pending ones too if {@code alsoPending}. */
    void deleteAll(String type, boolean alsoPending);

    /** @return the type's state, or null if the store has never seen the type */
    TypeState typeState(String type);

    /** Inserts or replaces the type's state. */
    void putTypeState(TypeState state);

    /** @return every type the store has seen, by name; never null */
    List<TypeState> typeStates();

    /** @return the push waiting for its answer, or null if there is none */
    PendingPush pendingPush();

    /** Stores the push about to be sent, replacing any other. */
    void putPendingPush(PendingPush push);

    /** Forgets the pending push, once its answer is recorded or it can never be applied. */
    void clearPendingPush();
}
