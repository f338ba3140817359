package io.fastsync.zone;

/** Who receives a type's objects. */
public enum SyncZoneRestriction {
    /** Synced per zone (a user id, a company id): a client names its zone and sees only that zone. */
    RESTRICTED,
    /** One zone, {@value #GLOBAL_ZONE}, shared by everyone; the zone a client sends is ignored. */
    GLOBAL;

    /** The zone of every global type, as existing FastSync clients name it. */
    public static final String GLOBAL_ZONE = "Global";
}
