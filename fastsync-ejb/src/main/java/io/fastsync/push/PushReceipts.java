package io.fastsync.push;

import io.fastsync.error.IdempotencyKeyReusedException;
import io.fastsync.internal.FastSyncUnit;
import io.fastsync.wire.AnswerReader;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.WireJson;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency: the answer to each keyed push is stored in the push's own transaction, so it
 * exists exactly when the push's changes do. A retry finds it and gets the same answer.
 */
@Dependent
class PushReceipts {

    private final EntityManager em;
    private final Clock clock;

    @Inject
    PushReceipts(@FastSyncUnit EntityManager em) {
        this(em, Clock.systemUTC());
    }

    PushReceipts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * @return the stored answer for the push's key, marked replayed; empty if the key is new or absent
     * @throws IdempotencyKeyReusedException if the key was used for another request
     */
    public Optional<PushResponse> replay(ValidatedPush push) {
        if (push.idempotencyKey() == null) {
            return Optional.empty();
        }
        PushReceipt receipt = em.find(PushReceipt.class, push.receiptKey());
        if (receipt == null) {
            return Optional.empty();
        }
        if (!receipt.getRequestHash().equals(push.requestHash())) {
            throw new IdempotencyKeyReusedException(
                    null,
                    null,
                    "/idempotencyKey",
                    "idempotency key '" + push.idempotencyKey() + "' was used for a different push");
        }
        PushResponse first = AnswerReader.readPushResponse(WireJson.parse(receipt.getResponse()));
        return Optional.of(new PushResponse(first.results(), true, first.marks()));
    }

    /** Stores the answer of a keyed push; does nothing for a push without a key. */
    public void record(ValidatedPush push, PushResponse response) {
        if (push.idempotencyKey() != null) {
            String json = WireJson.text(out -> MessageWriter.writePushResponse(response, out));
            em.persist(new PushReceipt(push.receiptKey(), push.requestHash(), json, clock.millis()));
            // Flushed now, so that a concurrent push with the same key fails here, inside the push.
            em.flush();
        }
    }

    /** @return how many receipts older than the retention were deleted */
    public int purgeOlderThan(Duration retention) {
        return em.createQuery("DELETE FROM PushReceipt r WHERE r.createdAt < :limit")
                .setParameter("limit", clock.millis() - retention.toMillis())
                .executeUpdate();
    }
}
