package io.fastsync.internal.version;

import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;

/**
 * {@link CounterRowCreator} for the container: each missing row is inserted in a new
 * transaction ({@code REQUIRES_NEW}) that commits before the push goes on.
 */
@Stateless
@LocalBean
@Local(CounterRowCreator.class)
public class SeparateTransactionCounterCreator implements CounterRowCreator {

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void ensureExist(Collection<VersionCounter.Key> keys) {
        for (VersionCounter.Key key : keys) {
            try {
                self().createIfMissing(key);
            } catch (EJBException e) {
                // Another transaction inserted the same row first; the row exists, which is all we need.
            }
        }
    }

    /** Inserts one row in its own transaction, if it is missing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createIfMissing(VersionCounter.Key key) {
        if (em.find(VersionCounter.class, key) == null) {
            em.persist(new VersionCounter(key.typeName(), key.syncZone()));
            em.flush();
        }
    }

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    private SeparateTransactionCounterCreator self() {
        return context.getBusinessObject(SeparateTransactionCounterCreator.class);
    }
}
