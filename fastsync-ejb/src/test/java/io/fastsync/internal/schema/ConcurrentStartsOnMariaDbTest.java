package io.fastsync.internal.schema;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class ConcurrentStartsOnMariaDbTest extends ConcurrentStartsScenarios {

    @Override
    protected EntityManagerFactory bareDatabase() {
        return TestDatabase.bareMariaDb();
    }

    @Override
    protected EntityManagerFactory bareDatabaseAt(String url) {
        return TestDatabase.bareMariaDbAt(url);
    }
}
