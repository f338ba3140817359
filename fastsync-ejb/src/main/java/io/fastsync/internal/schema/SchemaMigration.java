package io.fastsync.internal.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Brings FastSync's tables up to date when the application starts, before any request is served.
 * A bean that must run after the migration calls {@link #versionBefore()}: the container lets
 * no call in before {@code migrate} has finished. That works whether the caller is in the same
 * module (the standalone WAR) or another one (the EAR), which {@code @DependsOn} by bean name does not.
 */
@Singleton
@Startup
public class SchemaMigration {

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    private int versionBefore;

    @PostConstruct
    void migrate() {
        versionBefore = Schema.migrate(em);
    }

    /** @return the schema version the database had before this start; 0 for a new database */
    public int versionBefore() {
        return versionBefore;
    }

    /** @return the schema version the database has now */
    public int version() {
        return Schema.latest();
    }
}
