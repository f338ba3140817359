package io.fastsync.wire;

import java.util.List;
import java.util.Map;

/**
 * The answer to a push that was applied.
 *
 * @param results per type, one result per object, in the order the push listed them
 * @param replayed true when this answer was stored for an earlier push with the same idempotency key
 *                 and nothing was applied this time
 */
public record PushResponse(Map<String, List<ObjectResult>> results, boolean replayed) {}
