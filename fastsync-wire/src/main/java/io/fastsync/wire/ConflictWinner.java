package io.fastsync.wire;

/** Which copy a resolved conflict kept. */
public enum ConflictWinner {
    CLIENT("client"),
    SERVER("server"),
    /** The application's resolver returned a copy of its own. */
    MERGED("merged");

    private final String wireName;

    ConflictWinner(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConflictWinner ofWireName(String name) {
        for (ConflictWinner w : values()) {
            if (w.wireName.equals(name)) {
                return w;
            }
        }
        return null;
    }
}
