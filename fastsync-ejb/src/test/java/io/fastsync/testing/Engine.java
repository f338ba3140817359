package io.fastsync.testing;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.document.DocumentDataSource;
import io.fastsync.entity.SyncableObjectDataSource;
import io.fastsync.internal.version.CounterRowCreator;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.metrics.SyncMetrics;
import io.fastsync.pull.PullService;
import io.fastsync.push.PushService;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.repository.SyncableRepositories;
import io.fastsync.repository.SyncableRepository;
import io.fastsync.retention.TombstonePurge;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.zone.Caller;
import io.fastsync.zone.DefaultZoneAuthorizer;
import io.fastsync.zone.SyncZoneRestriction;
import io.fastsync.zone.ZoneAuthorizer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The real push and pull boundaries ({@link PushService}, {@link PullService}) and their steps,
 * built with {@code new} on one entity manager, each call in its own local transaction as the
 * container runs them. One engine per thread.
 */
public final class Engine implements AutoCloseable {

    /** The caller every request of the tests comes from. */
    public static final Caller CALLER = Caller.named("user-1", java.util.Map.of(), java.util.Set.of());

    private final EntityManagerFactory emf;
    private final EntityManager em;
    private final SyncTypeRegistry registry;
    private FastSyncSettings settings = FastSyncSettings.defaults();
    private Caller caller = CALLER;
    private ZoneAuthorizer authorizer = new DefaultZoneAuthorizer(FastSyncSettings.defaults());
    private SyncMetrics metrics = SyncMetrics.NONE;
    /** Counter rows to delete if unused should the current transaction roll back. */
    private final List<VersionCounter.Key> createdInThisTransaction = new ArrayList<>();

    public Engine(EntityManagerFactory emf) {
        this.emf = emf;
        this.em = emf.createEntityManager();
        this.registry = new SyncTypeRegistry();
    }

    private VersionCounters counters() {
        return new VersionCounters(em, counterRowCreator(emf, createdInThisTransaction));
    }

    private PushService pushService() {
        return PushService.outsideContainer(registry, authorizer, settings, counters(), em, metrics);
    }

    private PullService pullService() {
        return PullService.outsideContainer(registry, authorizer, settings, metrics, em);
    }

    /** @return the application's repository of a registered type, as {@code SyncableRepositories} hands it out */
    public SyncableRepository<?> repository(String typeName) {
        return new SyncableRepositories(registry, counters()).repository(typeName);
    }

    public SyncTypeRegistry registry() {
        return registry;
    }

    public EntityManager em() {
        return em;
    }

    public Engine settings(FastSyncSettings settings) {
        this.settings = settings;
        return this;
    }

    /** Every later request comes from this caller; {@link #CALLER} until then. */
    public Engine caller(Caller caller) {
        this.caller = caller;
        return this;
    }

    public Engine authorizer(ZoneAuthorizer authorizer) {
        this.authorizer = authorizer;
        return this;
    }

    /** Registers a document type. */
    public Engine document(
            String type, SyncZoneRestriction zones, ConflictsHandler<io.fastsync.document.SyncDocument> conflicts) {
        registry.setSyncableObject(type, new DocumentDataSource(type, em), conflicts, zones);
        return this;
    }

    /** Registers the typed test entity {@link Note}. */
    public Engine notes(ConflictsHandler<Note> conflicts) {
        registry.setSyncableObject(
                Note.class,
                new SyncableObjectDataSource<>(Note.class, em) {},
                conflicts,
                SyncZoneRestriction.RESTRICTED);
        return this;
    }

    public PushResponse push(PushRequest request) {
        return inTransaction(e -> pushService().push(request, caller));
    }

    /** A declared restore, every batch in a transaction of its own as the admin API runs it. */
    public void declareRestore(long gap) {
        java.util.List<io.fastsync.retention.RestoreDeclaration.Zone> batch;
        io.fastsync.retention.RestoreDeclaration.Zone after = null;
        do {
            var from = after;
            batch = inTransaction(e -> new io.fastsync.retention.RestoreDeclaration(em, counters()).batch(from, gap));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == io.fastsync.retention.RestoreDeclaration.ZONES_PER_BATCH);
    }

    /** One batch of the tombstone purge, in a transaction of its own as the container runs it. */
    public TombstonePurge.Batch purge(String type, long beforeMicros) {
        return inTransaction(e -> new TombstonePurge(registry, counters()).batch(type, beforeMicros));
    }

    public PullResponse pull(PullRequest request) {
        return inTransaction(e -> pullService().pull(request, caller));
    }

    /** FastSync's own tables, which a backup of the database holds (documents are stored in one). */
    private static final java.util.List<String> TABLES = java.util.List.of(
            "fastsync_version",
            "fastsync_version_mark",
            "fastsync_document",
            "fastsync_push_receipt",
            "fastsync_submission");

    /** @return the rows of FastSync's tables as they are now, to be put back by {@link #restore} */
    public java.util.Map<String, java.util.List<java.util.Map<String, Object>>> backup() {
        return inTransaction(e -> {
            java.util.Map<String, java.util.List<java.util.Map<String, Object>>> tables =
                    new java.util.LinkedHashMap<>();
            try {
                java.sql.Connection c = e.unwrap(java.sql.Connection.class);
                for (String table : TABLES) {
                    java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
                    try (var st = c.createStatement();
                            var r = st.executeQuery("SELECT * FROM " + table)) {
                        var meta = r.getMetaData();
                        while (r.next()) {
                            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.put(meta.getColumnName(i), r.getObject(i));
                            }
                            rows.add(row);
                        }
                    }
                    tables.put(table, rows);
                }
            } catch (java.sql.SQLException x) {
                throw new IllegalStateException(x);
            }
            return tables;
        });
    }

    /** Puts FastSync's tables back to a {@link #backup}: what is newer is lost. */
    public void restore(java.util.Map<String, java.util.List<java.util.Map<String, Object>>> backup) {
        inTransaction(e -> {
            try {
                java.sql.Connection c = e.unwrap(java.sql.Connection.class);
                for (var table : backup.entrySet()) {
                    try (var st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM " + table.getKey());
                    }
                    for (var row : table.getValue()) {
                        String columns = String.join(", ", row.keySet());
                        String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
                        try (var insert = c.prepareStatement(
                                "INSERT INTO " + table.getKey() + " (" + columns + ") VALUES (" + marks + ")")) {
                            int i = 1;
                            for (Object value : row.values()) {
                                insert.setObject(i++, value);
                            }
                            insert.executeUpdate();
                        }
                    }
                }
            } catch (java.sql.SQLException x) {
                throw new IllegalStateException(x);
            }
            return null;
        });
    }

    /** Runs work in a transaction of this engine's entity manager; rolls back on any exception. */
    public <R> R inTransaction(Function<EntityManager, R> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        createdInThisTransaction.clear();
        try {
            R result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            removeUnusedCounters();
            throw e;
        } finally {
            // A container gives every transaction a fresh persistence context; so do we.
            em.clear();
        }
    }

    public static <R> R inTransaction(EntityManagerFactory emf, Function<EntityManager, R> work) {
        try (Engine engine = new Engine(emf)) {
            return engine.inTransaction(work);
        }
    }

    /** After a rollback, as the container's creator does. */
    private void removeUnusedCounters() {
        if (createdInThisTransaction.isEmpty()) {
            return;
        }
        EntityManager other = emf.createEntityManager();
        try {
            other.getTransaction().begin();
            for (VersionCounter.Key key : createdInThisTransaction) {
                VersionCounters.deleteIfUnused(other, key);
            }
            other.getTransaction().commit();
        } finally {
            other.close();
            createdInThisTransaction.clear();
        }
    }

    /**
     * Creates counter rows in a separate transaction, as the container's REQUIRES_NEW bean does.
     *
     * @param created where the rows to remove on rollback are noted
     */
    static CounterRowCreator counterRowCreator(EntityManagerFactory emf, List<VersionCounter.Key> created) {
        return new CounterRowCreator() {
            @Override
            public List<VersionCounter.Key> ensureExist(Collection<VersionCounter.Key> keys) {
                List<VersionCounter.Key> inserted = new ArrayList<>();
                for (VersionCounter.Key key : keys) {
                    EntityManager other = emf.createEntityManager();
                    try {
                        other.getTransaction().begin();
                        if (other.find(VersionCounter.class, key) == null) {
                            other.persist(new VersionCounter(key.typeName(), key.syncZone()));
                            other.getTransaction().commit();
                            inserted.add(key);
                        } else {
                            other.getTransaction().commit();
                        }
                    } catch (PersistenceException e) {
                        // created by a concurrent transaction first
                    } finally {
                        other.close();
                    }
                }
                return inserted;
            }

            @Override
            public void removeIfRolledBack(Collection<VersionCounter.Key> keys) {
                created.addAll(keys);
            }
        };
    }

    @Override
    public void close() {
        em.close();
    }
}
