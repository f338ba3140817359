package io.fastsync.internal.schema;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class ConcurrentStartsOnPostgresTest extends ConcurrentStartsScenarios {

    @Override
    protected EntityManagerFactory bareDatabase() {
        return TestDatabase.barePostgres();
    }

    @Override
    protected EntityManagerFactory bareDatabaseAt(String url) {
        return TestDatabase.barePostgresAt(url);
    }
}
