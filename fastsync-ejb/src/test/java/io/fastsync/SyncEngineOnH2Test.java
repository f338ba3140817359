package io.fastsync;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SyncEngineOnH2Test extends SyncEngineScenarios {

    @Override
    protected EntityManagerFactory newDatabase() {
        return TestDatabase.h2();
    }
}
