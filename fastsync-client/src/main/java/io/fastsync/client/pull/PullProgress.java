package io.fastsync.client.pull;

/**
 * How far a pull has come.
 *
 * @param pages   pages received and stored so far, this one included
 * @param objects objects received so far, tombstones included
 * @param hasMore true if the server said more pages follow
 */
public record PullProgress(int pages, long objects, boolean hasMore) {}
