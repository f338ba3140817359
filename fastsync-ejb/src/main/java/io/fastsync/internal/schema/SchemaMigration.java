package io.fastsync.internal.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
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

    /** @return the schema version this release brings the database to */
    public int version() {
        return Schema.latest();
    }

    /**
     * Reads the schema version from the database, for a readiness check: another instance of an
     * older release may share it, or the database may not answer.
     *
     * @return the newest step the database has recorded
     * @throws jakarta.persistence.PersistenceException (wrapped by the container) if the database does not answer within 5 s
     */
    @Lock(LockType.READ)
    public int versionInDatabase() {
        Number v = (Number) em.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM fastsync_schema_version")
                .setHint("jakarta.persistence.query.timeout", 5000)
                .getSingleResult();
        return v.intValue();
    }
}
