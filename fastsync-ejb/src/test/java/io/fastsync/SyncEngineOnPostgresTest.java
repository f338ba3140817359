package io.fastsync;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SyncEngineOnPostgresTest extends SyncEngineScenarios {

    @Override
    protected EntityManagerFactory newDatabase() {
        return TestDatabase.postgres();
    }
}
