package io.fastsync.push;

import io.fastsync.internal.version.VersionCounter;
import java.util.List;

/**
 * A push that passed validation: every type known, every zone named and permitted, every
 * object decoded.
 *
 * @param idempotencyKey the client's key; may be null
 * @param receiptKey     what the receipt is stored under: the key, scoped to the caller when known; null without a key
 * @param requestHash    hash of the request, to tell a retry from a reuse of its key; null without a key
 */
record ValidatedPush(List<TypeBatch<?>> batches, String idempotencyKey, String receiptKey, String requestHash) {

    public int objectCount() {
        return batches.stream().mapToInt(b -> b.objects().size()).sum();
    }

    /** @return the names of its types, each once, in the push's order */
    public List<String> typeNames() {
        return batches.stream().map(b -> b.type().name()).distinct().toList();
    }

    public List<VersionCounter.Key> counterKeys() {
        return batches.stream().map(TypeBatch::counterKey).distinct().toList();
    }
}
