package io.fastsync.internal.version;

import java.util.Collection;
import java.util.List;

/**
 * Makes sure counter rows exist, in a transaction of their own, so that the push transaction
 * only ever locks rows that are already committed. Creating the row inside the push would race:
 * two first pushes into a new zone would both insert it, and one would fail.
 */
public interface CounterRowCreator {

    /**
     * Creates the rows that do not exist yet; a row another transaction created meanwhile is fine.
     * {@link VersionCounters} remembers the rows it has locked and asks only about the others.
     *
     * @return the keys whose rows this call inserted
     */
    List<VersionCounter.Key> ensureExist(Collection<VersionCounter.Key> keys);

    /**
     * Arranges that, should the current transaction end without committing (a refused push into a
     * zone never used before), those of these rows that are still unused are deleted once it has
     * ended, so that a refusal leaves nothing behind. A row another transaction has taken a version
     * from stays.
     *
     * @param created rows that {@link #ensureExist} inserted for the current transaction
     */
    void removeIfRolledBack(Collection<VersionCounter.Key> created);
}
