package io.fastsync.push;

import io.fastsync.internal.FastSyncUnit;
import io.fastsync.store.IdChunks;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retries of pushes without an idempotency key. Old clients send none, and a push they retry after
 * a lost answer is the same objects again, each exactly as first sent. Every object of a keyless
 * push leaves its digest ({@link IncomingObject#digest()}) in {@code fastsync_submission}, in the
 * push's transaction, for as long as idempotency keys are kept. An object whose digest is there
 * was settled before: it is answered as unchanged and written no more, whatever became of the
 * object since. So a retried copy that lost its conflict spends no new version, and a retried edit
 * or delete cannot undo a later change made by another client.
 *
 * <p>Plain SQL rather than an entity, so that an embedding application's persistence unit needs
 * no new class.
 */
@Dependent
class Submissions {

    private final EntityManager em;
    private final Clock clock;

    @Inject
    Submissions(@FastSyncUnit EntityManager em) {
        this(em, Clock.systemUTC());
    }

    Submissions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return the digests of the push's objects that an earlier push carried; empty for a keyed push */
    Set<String> seen(ValidatedPush push) {
        Set<String> seen = new HashSet<>();
        IdChunks.forEach(digests(push), chunk -> {
            Query query = em.createNativeQuery(
                    "SELECT digest FROM fastsync_submission WHERE digest IN (" + placeholders(chunk.size(), "?") + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object digest : query.getResultList()) {
                seen.add((String) digest);
            }
        });
        return seen;
    }

    /** Keeps the digests of the push's objects that were not {@code seen} before. */
    void record(ValidatedPush push, Set<String> seen) {
        List<String> fresh =
                digests(push).stream().filter(d -> !seen.contains(d)).toList();
        long now = clock.millis();
        IdChunks.forEach(fresh, chunk -> {
            Query insert = em.createNativeQuery("INSERT INTO fastsync_submission (digest, created_at) VALUES "
                    + placeholders(chunk.size(), "(?, ?)"));
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(2 * i + 1, chunk.get(i));
                insert.setParameter(2 * i + 2, now);
            }
            insert.executeUpdate();
        });
    }

    /** @return how many digests older than the retention were deleted */
    int purgeOlderThan(Duration retention) {
        return em.createNativeQuery("DELETE FROM fastsync_submission WHERE created_at < ?")
                .setParameter(1, clock.millis() - retention.toMillis())
                .executeUpdate();
    }

    private static List<String> digests(ValidatedPush push) {
        List<String> digests = new ArrayList<>();
        for (TypeBatch<?> batch : push.batches()) {
            for (IncomingObject<?> object : batch.objects()) {
                if (object.digest() != null) {
                    digests.add(object.digest());
                }
            }
        }
        return digests;
    }

    private static String placeholders(int count, String one) {
        return String.join(", ", java.util.Collections.nCopies(count, one));
    }
}
