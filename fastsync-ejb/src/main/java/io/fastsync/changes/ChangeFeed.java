package io.fastsync.changes;

import io.fastsync.internal.version.ZoneWritten;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who waits for which zones, and telling them when a zone passes their cursor. A subscription
 * holds a cursor per (type, zone); each commit that moves a zone past it is told once, with the
 * zone's version then, and the subscriber pulls. Commits of this instance arrive after their
 * transaction succeeded ({@link ZoneWritten}); those of other instances through a relay
 * ({@link PostgresChangeRelay}) calling {@link #publish}. A subscription costs its entries in
 * two maps and no thread: telling is a call on the committing thread (or the relay's), which
 * the listener must not block.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    /** What a subscriber is told; called on whichever thread commits, so it must return at once. */
    public interface Listener {
        /** A zone of the subscription passed the version the subscriber was last told of. */
        void changed(ZoneChange change);

        /**
         * The same, with when this instance learned of the commit ({@link System#nanoTime()}: at its
         * transaction's success, or when another instance's notice arrived), for the lag metric.
         */
        default void changed(ZoneChange change, long since) {
            changed(change);
        }

        /** The feed ends (the server shuts down): the subscriber reconnects, to this server or another. */
        default void closed() {}
    }

    /** A zone of a type. */
    public record Zone(String type, String zone) {}

    private final Map<Zone, Set<Subscription>> byZone = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** One subscriber's zones, each with the last version it was told of. */
    public final class Subscription implements AutoCloseable {
        private final String caller;
        private final Listener listener;
        private final Map<Zone, AtomicLong> told;
        private volatile boolean closed;

        private Subscription(String caller, Map<Zone, Long> cursors, Listener listener) {
            this.caller = caller;
            this.listener = listener;
            Map<Zone, AtomicLong> at = new ConcurrentHashMap<>();
            cursors.forEach((zone, cursor) -> at.put(zone, new AtomicLong(cursor)));
            this.told = at;
        }

        /** @return the zones it waits for */
        public Set<Zone> zones() {
            return told.keySet();
        }

        /** Tells the listener of a version past the one it was last told of; nothing otherwise. */
        public void offer(ZoneChange change) {
            offer(change, System.nanoTime());
        }

        private void offer(ZoneChange change, long since) {
            AtomicLong last = told.get(new Zone(change.type(), change.zone()));
            if (closed || last == null) {
                return;
            }
            long before;
            do {
                before = last.get();
                if (change.version() <= before) {
                    return;
                }
            } while (!last.compareAndSet(before, change.version()));
            try {
                listener.changed(change, since);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "FastSync change listener failed; the subscription ends", e);
                close();
            }
        }

        /** Ends the subscription; its listener is told nothing more. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            for (Zone zone : told.keySet()) {
                byZone.computeIfPresent(zone, (z, subscribers) -> {
                    subscribers.remove(this);
                    return subscribers.isEmpty() ? null : subscribers;
                });
            }
            perCaller.computeIfPresent(caller, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
            open.decrementAndGet();
        }

        boolean isClosed() {
            return closed;
        }
    }

    /**
     * Opens a subscription. It hears of commits from now on; a zone already past its cursor is the
     * caller's to check (after opening, so that a commit in between is not missed).
     *
     * @param caller       who subscribes, as counted against {@code maxPerCaller}
     * @param cursors      the version each zone's subscriber has
     * @param maxPerCaller the most subscriptions one caller may hold open
     * @param maxOpen      the most subscriptions this instance holds open
     * @throws TooManySubscriptionsException when the caller holds that many already
     * @throws StreamsFullException when this instance holds that many already
     */
    public Subscription open(String caller, Map<Zone, Long> cursors, Listener listener, int maxPerCaller, int maxOpen) {
        if (open.incrementAndGet() > maxOpen) {
            open.decrementAndGet();
            throw new StreamsFullException(maxOpen);
        }
        AtomicInteger held = perCaller.computeIfAbsent(caller, c -> new AtomicInteger());
        if (held.incrementAndGet() > maxPerCaller) {
            perCaller.computeIfPresent(caller, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
            open.decrementAndGet();
            throw new TooManySubscriptionsException(maxPerCaller);
        }
        Subscription subscription = new Subscription(caller, cursors, listener);
        for (Zone zone : cursors.keySet()) {
            byZone.computeIfAbsent(zone, z -> ConcurrentHashMap.newKeySet()).add(subscription);
        }
        return subscription;
    }

    /** Tells every subscriber of the zone that is behind {@code change.version()}. */
    public void publish(ZoneChange change) {
        publish(change, System.nanoTime());
    }

    private void publish(ZoneChange change, long since) {
        Set<Subscription> subscribers = byZone.get(new Zone(change.type(), change.zone()));
        if (subscribers != null) {
            for (Subscription s : subscribers) {
                s.offer(change, since);
            }
        }
    }

    /** Tells subscribers off the committing thread, so that a push is answered without waiting for them. */
    private java.util.concurrent.Executor dispatcher = Runnable::run;

    @PostConstruct
    void start() {
        try {
            dispatcher = (java.util.concurrent.Executor)
                    new javax.naming.InitialContext().lookup("java:comp/DefaultManagedExecutorService");
        } catch (javax.naming.NamingException | ClassCastException e) {
            LOG.warning(() -> "FastSync tells change subscribers on the committing thread: no managed executor (" + e
                    + "); pushes wait for it");
        }
    }

    /**
     * A commit of this instance: once its transaction has succeeded, its zones' subscribers hear
     * of it, from the container's executor; the push's answer does not wait for them.
     */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ZoneWritten written) {
        ZoneChange change = written.change();
        if (!byZone.containsKey(new Zone(change.type(), change.zone()))) {
            return;
        }
        long since = System.nanoTime();
        try {
            dispatcher.execute(() -> publish(change, since));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            publish(change, since);
        }
    }

    /** @return the zones that have subscribers on this instance */
    public Set<Zone> zones() {
        return Set.copyOf(byZone.keySet());
    }

    /** @return how many subscriptions are open on this instance */
    public int size() {
        return open.get();
    }

    /** At shutdown: every subscriber is told the feed ends. */
    @PreDestroy
    void closeAll() {
        List<Subscription> all =
                byZone.values().stream().flatMap(Set::stream).distinct().toList();
        for (Subscription s : all) {
            s.close();
            try {
                s.listener.closed();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "FastSync change listener failed at shutdown", e);
            }
        }
    }
}
