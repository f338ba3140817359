package io.fastsync.client;

/** What a hard reset does with local changes not yet pushed. */
public enum ResetMode {
    /** Keep them through the rebuild, then push them (the default). */
    KEEP_AND_PUSH_PENDING,
    /** Throw them away, with any unanswered push of the reset types. */
    DISCARD_PENDING
}
