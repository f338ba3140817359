package io.fastsync.client.store;

/**
 * What the store remembers about one type.
 *
 * @param type   the type name; never null
 * @param zone   the zone the type's objects belong to; never null ({@code "Global"} for global types)
 * @param cursor the highest version received for the type; 0 before the first pull
 */
public record TypeState(String type, String zone, long cursor) {

    public TypeState withCursor(long newCursor) {
        return new TypeState(type, zone, newCursor);
    }
}
