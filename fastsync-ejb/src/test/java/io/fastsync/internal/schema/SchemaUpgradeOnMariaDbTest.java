package io.fastsync.internal.schema;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SchemaUpgradeOnMariaDbTest extends SchemaUpgradeScenarios {

    @Override
    protected EntityManagerFactory bareDatabase() {
        return TestDatabase.bareMariaDb();
    }
}
