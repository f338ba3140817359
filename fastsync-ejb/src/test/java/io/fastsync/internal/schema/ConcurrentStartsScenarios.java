package io.fastsync.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.testing.Engine;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several instances starting at the same moment on one empty database: each runs the
 * migration in a transaction of its own, and all of them succeed with one schema between them.
 * (Without the migration's lock, concurrent {@code CREATE TABLE IF NOT EXISTS} fails with a
 * duplicate key in {@code pg_type} on PostgreSQL, and a started instance served nothing.) Each
 * subclass names the database.
 */
abstract class ConcurrentStartsScenarios {

    /** @return a factory on a new database without any table */
    protected abstract EntityManagerFactory bareDatabase();

    /** @return another factory (another instance's connections) on the database at this URL */
    protected abstract EntityManagerFactory bareDatabaseAt(String url);

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 8;

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<EntityManagerFactory> instances = new ArrayList<>();
                EntityManagerFactory first = bareDatabase();
                instances.add(first);
                String url = (String) first.getProperties().get("jakarta.persistence.jdbc.url");
                for (int i = 1; i < INSTANCES; i++) {
                    instances.add(bareDatabaseAt(url));
                }
                CyclicBarrier together = new CyclicBarrier(INSTANCES);
                List<Future<Integer>> started = new ArrayList<>();
                for (EntityManagerFactory emf : instances) {
                    started.add(pool.submit(() -> {
                        together.await();
                        return Engine.inTransaction(emf, Schema::migrate);
                    }));
                }
                int fresh = 0;
                for (Future<Integer> f : started) {
                    if (f.get() == 0) {
                        fresh++;
                    }
                }
                assertEquals(1, fresh, "round " + round + ": exactly one instance found the database empty");
                Number steps = (Number) Engine.inTransaction(
                        first,
                        em -> em.createNativeQuery("SELECT COUNT(*) FROM fastsync_schema_version")
                                .getSingleResult());
                assertEquals(Schema.latest(), steps.intValue(), "round " + round);
                instances.forEach(EntityManagerFactory::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
