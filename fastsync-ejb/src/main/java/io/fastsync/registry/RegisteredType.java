package io.fastsync.registry;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.store.SyncStore;
import io.fastsync.zone.SyncZoneRestriction;

/**
 * A type the server syncs: its name on the wire, its storage, its conflict strategy and its zone
 * rule ({@link io.fastsync.zone.ZoneAuthority} applies it).
 *
 * @param <T> the stored value class
 */
public record RegisteredType<T>(
        String name, SyncStore<T> store, ConflictsHandler<T> conflicts, SyncZoneRestriction zoneRestriction) {}
