package io.fastsync.internal.schema;

import io.fastsync.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;

class SchemaUpgradeOnH2Test extends SchemaUpgradeScenarios {

    @Override
    protected EntityManagerFactory bareDatabase() {
        return TestDatabase.bareH2();
    }
}
