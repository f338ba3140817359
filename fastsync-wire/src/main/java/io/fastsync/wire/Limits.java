package io.fastsync.wire;

/**
 * The protocol's limits, in one place for the server, its storage and the Java client. The schema
 * steps in {@code io.fastsync.internal.schema.Schema} spell them out as released and never follow a change
 * here: a new limit needs a new step.
 */
public final class Limits {

    /** The longest type name. */
    public static final int TYPE_NAME = 100;
    /** The longest object id. */
    public static final int OBJECT_ID = 200;
    /** The longest zone name. */
    public static final int ZONE = 200;
    /** The longest idempotency key. */
    public static final int IDEMPOTENCY_KEY = 200;
    /** The longest client metadata id that is kept (a longer one is dropped, not refused). */
    public static final int METADATA_ID = 200;

    private Limits() {}
}
