package io.fastsync.wire;

import java.util.List;
import java.util.Map;

/**
 * The answer to a push that was applied.
 *
 * @param results per type, one result per object, in the order the push listed them
 * @param replayed true when this answer was stored for an earlier push with the same idempotency key
 *                 and nothing was applied this time
 * @param marks    per type, the mark the versions of the results belong to (see {@link
 *                 SyncMetadata#cursor(String, String, long, long)}), an extension; never null, empty
 *                 from a server that gives none
 */
public record PushResponse(Map<String, List<ObjectResult>> results, boolean replayed, Map<String, Long> marks) {

    public PushResponse {
        marks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(marks));
    }

    /** An answer without marks. */
    public PushResponse(Map<String, List<ObjectResult>> results, boolean replayed) {
        this(results, replayed, Map.of());
    }
}
