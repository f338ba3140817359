package io.fastsync.schema;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Brings FastSync's tables up to date when the application starts, before any request is served. */
@Singleton
@Startup
public class SchemaMigration {

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    @PostConstruct
    void migrate() {
        Schema.migrate(em);
    }
}
