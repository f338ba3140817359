package io.fastsync.registry;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.entity.SyncStore;
import io.fastsync.error.MissingZoneException;
import io.fastsync.zone.SyncZoneRestriction;

/**
 * A type the server syncs: its name on the wire, its storage, its conflict strategy and its zone rule.
 *
 * @param <T> the stored value class
 */
public record RegisteredType<T>(String name, SyncStore<T> store, ConflictsHandler<T> conflicts,
                                SyncZoneRestriction zoneRestriction) {

    /**
     * @param requested the zone a client named; may be null
     * @param pointer   where the client named it, for the error
     * @return the zone the request works in: {@code "Global"} for a global type
     * @throws MissingZoneException if the type is restricted and no zone was named
     */
    public String zoneFor(String requested, String pointer) {
        if (zoneRestriction == SyncZoneRestriction.GLOBAL) {
            return SyncZoneRestriction.GLOBAL_ZONE;
        }
        if (requested == null || requested.isBlank()) {
            throw new MissingZoneException(name, null, pointer, "type " + name + " is restricted: syncZone is required");
        }
        if (requested.length() > 200) {
            throw new io.fastsync.error.InvalidRequestException(name, null, pointer, "a zone has at most 200 characters");
        }
        return requested;
    }
}
