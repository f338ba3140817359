package io.fastsync.client;

import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A store that hands its work a transaction of the real store underneath and counts the objects
 * that transaction reads into memory as lists ({@code pending}, {@code all}): what a count that
 * reads every row costs, and one done by the store does not.
 */
final class RowCountingStore implements LocalStore {

    private final LocalStore real;
    private final AtomicLong rowsRead = new AtomicLong();

    RowCountingStore(LocalStore real) {
        this.real = real;
    }

    /** @return how many objects the transactions returned in lists so far */
    long rowsRead() {
        return rowsRead.get();
    }

    @Override
    public <R> R transact(Function<StoreTransaction, R> work) {
        return real.transact(tx -> work.apply(counting(tx)));
    }

    @Override
    public void close() {
        real.close();
    }

    private StoreTransaction counting(StoreTransaction tx) {
        return (StoreTransaction) Proxy.newProxyInstance(
                StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof List<?> list
                            && (method.getName().equals("pending")
                                    || method.getName().equals("all"))) {
                        rowsRead.addAndGet(list.size());
                    }
                    return result;
                });
    }
}
