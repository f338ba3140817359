package io.fastsync.admin;

import io.fastsync.internal.schema.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The database schema's versions, for a server's start-up log and readiness check. The migration
 * runs as the application starts; the first call here waits until it has finished.
 */
@ApplicationScoped
public class SchemaVersions {

    @EJB
    SchemaMigration migration;

    /** @return the schema version the database had before this start; 0 for a new database */
    public int before() {
        return migration.versionBefore();
    }

    /** @return the schema version this release brings the database to */
    public int current() {
        return migration.version();
    }

    /**
     * Reads the schema version from the database: another instance of an older release may share
     * it, or the database may not answer.
     *
     * @throws jakarta.persistence.PersistenceException (wrapped by the container) if the database does not answer within 5 s
     */
    public int inDatabase() {
        return migration.versionInDatabase();
    }
}
