package io.fastsync.internal.version;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link CounterRowCreator} for the container: each missing row is inserted in a new
 * transaction ({@code REQUIRES_NEW}) that commits before the push goes on. Rows that a rolled-back
 * push created are deleted on another thread, in a transaction of their own, after the push's
 * transaction has ended; the push's caller gets its answer once they are.
 */
@Stateless
@LocalBean
@Local(CounterRowCreator.class)
public class SeparateTransactionCounterCreator implements CounterRowCreator {

    private static final Logger LOG = Logger.getLogger(SeparateTransactionCounterCreator.class.getName());

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    SessionContext context;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<VersionCounter.Key> ensureExist(Collection<VersionCounter.Key> keys) {
        List<VersionCounter.Key> created = new ArrayList<>();
        for (VersionCounter.Key key : keys) {
            try {
                if (self().createIfMissing(key)) {
                    created.add(key);
                }
            } catch (EJBException e) {
                // Another transaction inserted the same row first; the row exists, which is all we need.
            }
        }
        return created;
    }

    /**
     * Inserts one row in its own transaction, if it is missing.
     *
     * @return whether it was missing
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean createIfMissing(VersionCounter.Key key) {
        if (em.find(VersionCounter.class, key) != null) {
            return false;
        }
        em.persist(new VersionCounter(key.typeName(), key.syncZone()));
        em.flush();
        return true;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void removeIfRolledBack(Collection<VersionCounter.Key> created) {
        List<VersionCounter.Key> keys = List.copyOf(created);
        SeparateTransactionCounterCreator self = self();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    self.removeUnused(keys).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // An unused row does no harm; it only stays.
                    LOG.log(Level.FINE, "FastSync: unused version counters " + keys + " stay", e);
                }
            }
        });
    }

    /**
     * Deletes those of the rows that no transaction has taken a version from. Asynchronous, so that
     * it runs outside the transaction that has just ended, on a thread that has none.
     *
     * @return how many were deleted
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Future<Integer> removeUnused(List<VersionCounter.Key> keys) {
        int removed = 0;
        for (VersionCounter.Key key : keys) {
            removed += VersionCounters.deleteIfUnused(em, key);
        }
        return new AsyncResult<>(removed);
    }

    private SeparateTransactionCounterCreator self() {
        return context.getBusinessObject(SeparateTransactionCounterCreator.class);
    }
}
