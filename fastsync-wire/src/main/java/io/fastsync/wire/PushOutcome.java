package io.fastsync.wire;

/** What a push did to one object. */
public enum PushOutcome {
    /** The client's copy was stored as sent. */
    APPLIED("applied"),
    /** The client's copy equals the server's; nothing changed and no version was spent (a retry). */
    UNCHANGED("unchanged"),
    /** The server's copy had changed since the client last saw it; the type's strategy decided. */
    RESOLVED("resolved");

    private final String wireName;

    PushOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static PushOutcome ofWireName(String name) {
        for (PushOutcome o : values()) {
            if (o.wireName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
