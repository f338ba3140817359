package io.fastsync.client.store;

/**
 * What the store remembers about one type.
 *
 * @param type       the type name; never null
 * @param zone       the zone the type's objects belong to; never null ({@code "Global"} for global types)
 * @param cursor     the highest version received for the type; 0 before the first pull
 * @param mark       the mark the server gave with the cursor (the {@code timestamp} of its per-type
 *                   metadata), sent back with it so that the server can tell a cursor from another
 *                   history of its database; 0 for none
 * @param pushed     the highest version a push answer gave an object of the type; 0 for none
 * @param pushedMark the mark that push answer gave with it; 0 for none
 */
public record TypeState(String type, String zone, long cursor, long mark, long pushed, long pushedMark) {

    /** A type's state with a cursor that carries no mark. */
    public TypeState(String type, String zone, long cursor) {
        this(type, zone, cursor, 0, 0, 0);
    }

    public TypeState(String type, String zone, long cursor, long mark) {
        this(type, zone, cursor, mark, 0, 0);
    }

    /** @return the state with another cursor, its mark kept: a mark stays valid for a lower cursor */
    public TypeState withCursor(long newCursor) {
        return new TypeState(type, zone, newCursor, mark, pushed, pushedMark);
    }

    public TypeState withCursor(long newCursor, long newMark) {
        return new TypeState(type, zone, newCursor, newMark, pushed, pushedMark);
    }

    /** @return the state with the highest version a push answer gave, and that answer's mark */
    public TypeState withPushed(long version, long answerMark) {
        return new TypeState(type, zone, cursor, mark, version, answerMark);
    }
}
