package io.fastsync.client.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The client's local copy. All access goes through a transaction: the work either takes effect
 * as a whole or, if it throws, not at all. Transactions of one store run one at a time, so a
 * check and the write that depends on it are atomic. Implementations are thread-safe.
 */
public interface LocalStore extends AutoCloseable {

    /**
     * Runs work in one transaction.
     *
     * @param work never null; must not call the network or this store's {@code transact} again
     * @return whatever the work returns; may be null
     */
    <R> R transact(Function<StoreTransaction, R> work);

    /** Runs work that returns nothing in one transaction. */
    default void update(Consumer<StoreTransaction> work) {
        transact(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Releases the store; a durable store keeps everything for the next open. */
    @Override
    void close();
}
