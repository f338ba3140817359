package io.fastsync.internal.version;

import java.util.Collection;

/**
 * Makes sure counter rows exist, in a transaction of their own, so that the push transaction
 * only ever locks rows that are already committed. Creating the row inside the push would race:
 * two first pushes into a new zone would both insert it, and one would fail.
 */
public interface CounterRowCreator {

    /**
     * Creates the rows that do not exist yet; a row another transaction created meanwhile is fine.
     * {@link VersionCounters} remembers the rows it has locked and asks only about the others.
     */
    void ensureExist(Collection<VersionCounter.Key> keys);
}
