package io.fastsync.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the container's entity manager of the unit {@code fastsync} injectable into the engine's
 * steps, which take it in their constructors (and tests hand them one of their own).
 */
@ApplicationScoped
class PersistenceProducer {

    @Produces
    @FastSyncUnit
    @PersistenceContext(unitName = "fastsync")
    EntityManager em;
}
