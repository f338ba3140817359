package io.fastsync.client.pull;

import java.util.Map;

/**
 * What one pull did.
 *
 * @param pages   how many pages were received
 * @param objects how many objects they held, tombstones included
 * @param cursors per type pulled, its cursor afterwards; never null
 */
public record PullReport(int pages, long objects, Map<String, Long> cursors) {}
