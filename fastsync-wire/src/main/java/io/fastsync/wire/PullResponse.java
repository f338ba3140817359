package io.fastsync.wire;

/**
 * One page of a pull.
 *
 * @param payload the changes, and per type the cursor to send next; a type with nothing new is absent
 * @param hasMore true when the server holds more changes for the requested types than this page
 *                carries; the client pulls again with the returned cursors
 */
public record PullResponse(SyncPayload payload, boolean hasMore) {}
