package io.fastsync.client;

import io.fastsync.client.pull.PullReport;
import io.fastsync.client.pull.Puller;
import io.fastsync.client.push.PushReport;
import io.fastsync.client.push.Pusher;
import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoredObject;
import io.fastsync.client.store.TypeState;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.client.type.SyncType;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.Problem;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client: registers types, hands out their repositories, and syncs them with the server.
 *
 * <p>Sync operations ({@code pull}, {@code push}, {@code sync}, {@code hardReset}) run one at a
 * time; a second caller waits. Repository edits never wait for them: an edit made while a push
 * is in flight simply stays pending for the next push. Each operation takes type names; none
 * means every registered type. They throw {@link io.fastsync.client.transport.SyncTransportException}
 * subclasses when the server cannot be reached or answers an error; whatever was not acknowledged
 * stays pending, and calling again is safe.
 *
 * <p>When the server answers that a type's zone is no longer the client's own (its user moved to
 * another company, or lost access; see <i>Zones and identity</i> in the protocol), the client
 * hands the type over: it removes the zone's local objects, tells
 * {@link SyncOptions#zoneChanges()} which unpushed changes went with them, and syncs the zone the
 * listener chooses from the beginning, or stops syncing the type. Other types are untouched.
 */
public final class SyncManager {

    private final LocalStore store;
    private final SyncOptions options;
    private final Puller puller;
    private final Pusher pusher;
    private final Map<String, SyncType<?>> types = new LinkedHashMap<>();
    /** The zone each type is synced in now: its registered zone until the server hands it over; absent once revoked. */
    private final Map<String, String> zonesNow = new LinkedHashMap<>();

    private final Object operationLock = new Object();
    private final SyncTransport transport;
    private final Listeners listeners = new Listeners();

    /** Live mode, while it runs; told of each local edit. */
    private volatile LiveSync live;

    /** A manager with {@link SyncOptions#DEFAULTS}; transport and store never null. */
    public SyncManager(SyncTransport transport, LocalStore store) {
        this(transport, store, SyncOptions.DEFAULTS);
    }

    /** All arguments never null. The store stays the caller's to close. */
    public SyncManager(SyncTransport transport, LocalStore store, SyncOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.puller = new Puller(transport, store, options.pullLimit(), options.pullListener());
        this.pusher = new Pusher(transport, store, options.idempotencyKeys(), options.pushBatchSize());
        puller.tellChanges(listeners);
        pusher.tell(listeners);
    }

    /**
     * Registers a type and returns its repository.
     *
     * @throws IllegalStateException if a type of this name is registered already, or the store holds
     *                               this type for another zone (use another store for another zone)
     */
    public <T> SyncableRepository<T> register(SyncType<T> type) {
        synchronized (types) {
            if (types.containsKey(type.name())) {
                throw new IllegalStateException("type " + type.name() + " is registered already");
            }
            store.update(tx -> {
                TypeState known = tx.typeState(type.name());
                if (known == null) {
                    tx.putTypeState(new TypeState(type.name(), type.zone().name(), 0));
                } else if (!known.zone().equals(type.zone().name())) {
                    throw new IllegalStateException("this store holds " + type.name() + " for zone '" + known.zone()
                            + "', not '" + type.zone().name() + "'; use one store per zone");
                }
            });
            types.put(type.name(), type);
            zonesNow.put(type.name(), type.zone().name());
        }
        return new SyncableRepository<>(type, store, options.clock(), this::edited);
    }

    /** Adds a listener of what syncs do (objects pulled, conflicts settled, push progress); see {@link SyncListener}. */
    public void addListener(SyncListener listener) {
        listeners.all.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SyncListener listener) {
        listeners.all.remove(listener);
    }

    /** Every added listener, each shielded from the others' failures. */
    private static final class Listeners implements SyncListener {
        private static final java.util.logging.Logger LOG =
                java.util.logging.Logger.getLogger(SyncManager.class.getName());
        final List<SyncListener> all = new java.util.concurrent.CopyOnWriteArrayList<>();

        private void each(java.util.function.Consumer<SyncListener> call) {
            for (SyncListener l : all) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.WARNING, "FastSync: a sync listener failed", e);
                }
            }
        }

        @Override
        public void pulled(String type, java.util.Set<String> changed, java.util.Set<String> deleted) {
            each(l -> l.pulled(type, changed, deleted));
        }

        @Override
        public void conflictSettled(String type, io.fastsync.wire.ObjectResult result) {
            each(l -> l.conflictSettled(type, result));
        }

        @Override
        public void pushProgress(int batches, long objects, long pending) {
            each(l -> l.pushProgress(batches, objects, pending));
        }
    }

    private void edited() {
        LiveSync running = live;
        if (running != null) {
            running.edited();
        }
    }

    /**
     * Starts live mode: the client syncs when the server tells of a change in its zones (over
     * the transport's change stream) and shortly after each local edit, until
     * {@link LiveSync#close()}. Plain calls ({@link #sync}, {@link #pull}, ...) still work; they
     * run one at a time with live mode's.
     *
     * @throws IllegalStateException if live mode runs already
     */
    public LiveSync startLive(LiveSync.Listener listener) {
        return startLive(listener, LiveSync.RANDOM_DELAY);
    }

    /** @param reconnectDelay the milliseconds live mode waits before opening a stream the server closed, given the window */
    LiveSync startLive(
            LiveSync.Listener listener, java.util.function.ToLongFunction<java.time.Duration> reconnectDelay) {
        LiveSync started;
        synchronized (types) {
            if (live != null) {
                throw new IllegalStateException("live mode runs already");
            }
            started = new LiveSync(this, transport, listener, reconnectDelay);
            live = started;
        }
        started.start();
        return started;
    }

    void liveStopped(LiveSync stopped) {
        synchronized (types) {
            if (live == stopped) {
                live = null;
            }
        }
    }

    /** @return the cursors of every type synced now, as a pull sends them: what a change stream subscribes with */
    public io.fastsync.wire.PullRequest subscriptionCursors() {
        synchronized (operationLock) {
            return puller.cursorsOf(zones(new String[0]));
        }
    }

    /** Registers a document type, whose objects are JSON objects with an {@code "id"} key. */
    public SyncableRepository<JsonObject> registerDocument(String name, Zone zone) {
        return register(SyncType.document(name, zone));
    }

    /** @return the registered types, in registration order; never null */
    public List<SyncType<?>> types() {
        synchronized (types) {
            return List.copyOf(types.values());
        }
    }

    /**
     * Pulls the changes of these types (all if none given), following pages until the server has
     * no more. Unpushed local changes are never overwritten.
     */
    public PullReport pull(String... typeNames) {
        return handingOver(typeNames, puller::pull);
    }

    /** Pushes the pending changes of these types (all if none given). */
    public PushReport push(String... typeNames) {
        return handingOver(typeNames, pusher::push);
    }

    /**
     * Pull, then push, then pull again only if the push made it necessary: when a conflict kept
     * the server's copy or a merge (which only a pull brings), or when an answer was a replay of
     * an earlier push (see {@link PushReport#needsPull()}). Versions the server gave our own
     * changes need no pull: they are recorded from the push answer.
     */
    public SyncReport sync(String... typeNames) {
        return handingOver(typeNames, zones -> {
            PullReport pulled = puller.pull(zones);
            PushReport pushed = pusher.push(zones);
            return new SyncReport(pulled, pushed, pushed.needsPull() ? puller.pull(zones) : null);
        });
    }

    /** {@link #hardReset(ResetMode, String...)} keeping and then pushing unpushed changes. */
    public SyncReport hardReset(String... typeNames) {
        return hardReset(ResetMode.KEEP_AND_PUSH_PENDING, typeNames);
    }

    /**
     * Rebuilds the local copy of these types (all if none given) from the server: their cursors go
     * to 0, their objects without unpushed changes are dropped, and everything is pulled again.
     * Other types' objects and cursors are untouched.
     *
     * @param mode whether unpushed changes of these types are kept (and pushed after the rebuild)
     *             or discarded; never null
     */
    public SyncReport hardReset(ResetMode mode, String... typeNames) {
        boolean discard = mode == ResetMode.DISCARD_PENDING;
        return handingOver(typeNames, zones -> {
            store.update(tx -> {
                for (String type : zones.keySet()) {
                    tx.deleteAll(type, discard);
                    tx.putTypeState(new TypeState(type, zones.get(type), 0));
                    PendingPush unanswered = tx.pendingPush();
                    if (discard && unanswered != null && unanswered.holdsType(type)) {
                        tx.clearPendingPush();
                    }
                }
            });
            PullReport pulled = puller.pull(zones);
            PushReport pushed = discard ? PushReport.NONE : pusher.push(zones);
            return new SyncReport(pulled, pushed, null);
        });
    }

    /** @return the zone a type is synced in now; empty once the server took the type's zone away */
    public Optional<String> zoneOf(String typeName) {
        synchronized (types) {
            if (!types.containsKey(typeName)) {
                throw new IllegalArgumentException("type " + typeName + " is not registered");
            }
            return Optional.ofNullable(zonesNow.get(typeName));
        }
    }

    /**
     * Runs a sync operation; when the server answers that a zone is no longer the client's own
     * ({@code 403 zone-forbidden} naming the zones it may use), hands that type over and runs
     * the operation again, at most once per type. When it answers that a cursor can no longer be
     * served ({@code 410 cursor-expired}: deletes after it were purged, or the server's database
     * was restored), rebuilds that type's local copy as {@link #hardReset()} does, keeping the
     * unpushed changes, and runs the operation again.
     */
    private <R> R handingOver(String[] typeNames, Function<Map<String, String>, R> operation) {
        synchronized (operationLock) {
            int handedOver = 0;
            int startedOver = 0;
            while (true) {
                Map<String, String> zones = zones(typeNames);
                try {
                    return operation.apply(zones);
                } catch (ServerProblemException e) {
                    if ("cursor-expired".equals(e.problem().code())) {
                        if (startedOver++ >= zones.size() || !startOver(e.problem(), zones)) {
                            throw e;
                        }
                    } else if (handedOver++ >= zones.size() || !handOver(e.problem(), zones)) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Drops the local copies of the types the answer names, unpushed changes apart, and sets their
     * cursors to 0.
     *
     * @return whether it named one of these types
     */
    private boolean startOver(Problem problem, Map<String, String> zones) {
        List<String> expired = problem.errors().stream()
                .map(Problem.Location::type)
                .filter(zones::containsKey)
                .distinct()
                .toList();
        if (expired.isEmpty()) {
            return false;
        }
        store.update(tx -> {
            for (String type : expired) {
                tx.deleteAll(type, false);
                tx.putTypeState(new TypeState(type, zones.get(type), 0));
            }
        });
        return true;
    }

    /** @return true if the answer took a zone of these types away and the types were handed over */
    private boolean handOver(Problem problem, Map<String, String> zones) {
        if (!"zone-forbidden".equals(problem.code())) {
            return false;
        }
        boolean any = false;
        for (Map.Entry<String, List<String>> granted : problem.zones().entrySet()) {
            String type = granted.getKey();
            String from = zones.get(type);
            if (from == null || granted.getValue().contains(from)) {
                continue;
            }
            // The zone's objects go in one transaction with what is reported, so that every change
            // removed is a change reported.
            List<StoredObject> unpushed = store.transact(tx -> {
                List<StoredObject> pending = tx.pending(type);
                tx.deleteAll(type, true);
                PendingPush unanswered = tx.pendingPush();
                if (unanswered != null && unanswered.holdsType(type)) {
                    tx.clearPendingPush();
                }
                return pending;
            });
            String to = options.zoneChanges().zoneChanged(new ZoneChange(type, from, granted.getValue(), unpushed));
            if (to != null && !granted.getValue().contains(to)) {
                throw new IllegalStateException("the zone listener chose zone '" + to + "' for " + type
                        + ", which the server does not grant; granted: " + granted.getValue());
            }
            store.update(tx -> tx.putTypeState(new TypeState(type, to != null ? to : from, 0)));
            synchronized (types) {
                if (to != null) {
                    zonesNow.put(type, to);
                } else {
                    zonesNow.remove(type);
                }
            }
            any = true;
        }
        return any;
    }

    /** @return the types named (all if none) with the zones they are synced in now; revoked types left out */
    private Map<String, String> zones(String... typeNames) {
        synchronized (types) {
            List<String> names = typeNames.length == 0 ? new ArrayList<>(types.keySet()) : List.of(typeNames);
            Map<String, String> zones = new LinkedHashMap<>();
            for (String name : names) {
                if (!types.containsKey(name)) {
                    throw new IllegalArgumentException("type " + name + " is not registered");
                }
                if (zonesNow.containsKey(name)) {
                    zones.put(name, zonesNow.get(name));
                }
            }
            return zones;
        }
    }
}
