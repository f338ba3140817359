package io.fastsync;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class ConcurrentPushAndPullOnPostgresTest extends ConcurrentPushAndPullScenarios {

    @Override
    protected EntityManagerFactory newDatabase() {
        return TestDatabase.postgres();
    }
}
