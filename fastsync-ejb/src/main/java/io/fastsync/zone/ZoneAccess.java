package io.fastsync.zone;

/** What a caller wants to do in a zone. */
public enum ZoneAccess {
    READ,
    WRITE
}
