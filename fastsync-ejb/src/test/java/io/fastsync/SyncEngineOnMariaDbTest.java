package io.fastsync;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SyncEngineOnMariaDbTest extends SyncEngineScenarios {

    @Override
    protected EntityManagerFactory newDatabase() {
        return TestDatabase.mariaDb();
    }
}
