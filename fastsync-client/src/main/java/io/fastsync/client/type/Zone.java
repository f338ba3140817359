package io.fastsync.client.type;

import java.util.Objects;

/**
 * Which zone a type's objects belong to: a restricted type is synced per zone (a user id, a
 * company id), a global type has the single zone {@code "Global"} shared by every client.
 *
 * @param name   the zone sent to the server; never null or blank
 * @param global true for a global type
 */
public record Zone(String name, boolean global) {

    /** The zone of every global type. */
    public static final Zone GLOBAL = new Zone("Global", true);

    public Zone {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a zone name must not be blank");
        }
    }

    /** @param name the zone, such as a user id; never null or blank */
    public static Zone restricted(String name) {
        return new Zone(name, false);
    }
}
