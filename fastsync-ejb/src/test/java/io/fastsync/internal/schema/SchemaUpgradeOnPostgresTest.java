package io.fastsync.internal.schema;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SchemaUpgradeOnPostgresTest extends SchemaUpgradeScenarios {

    @Override
    protected EntityManagerFactory bareDatabase() {
        return TestDatabase.barePostgres();
    }
}
