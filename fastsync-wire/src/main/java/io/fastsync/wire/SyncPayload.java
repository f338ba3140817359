package io.fastsync.wire;

import java.util.List;
import java.util.Map;

/**
 * Objects grouped by type with per-type metadata: the body of a push, and the {@code data} of a
 * pull response. Maps keep the order in which types appeared.
 *
 * @param data     objects by type name; never null
 * @param metadata per-type metadata by type name (in JSON, {@code operationMetadata.metadata}); never null
 */
public record SyncPayload(Map<String, List<SyncObject>> data, Map<String, SyncMetadata> metadata) {}
