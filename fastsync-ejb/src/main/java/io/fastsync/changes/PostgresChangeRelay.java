package io.fastsync.changes;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.internal.FastSyncUnit;
import io.fastsync.internal.version.ZoneWritten;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Carries commits between server instances on one PostgreSQL, with {@code LISTEN/NOTIFY}: each
 * transaction that writes a zone sends {@code NOTIFY fastsync_changes} with the zone and its last
 * version before it commits (PostgreSQL delivers it with the commit, and never for a rollback),
 * and one connection per instance listens and hands each notice to the {@link ChangeFeed}. No
 * subscriber reads the database. After the listening connection was lost, the instance reads
 * the counters of the zones it has subscribers for once, so that nothing committed meanwhile is
 * missed.
 *
 * <p>It runs where {@value FastSyncSettings#CHANGES_RELAY_DATA_SOURCE} (by default the standalone
 * server's data source) names a data source on PostgreSQL; elsewhere an instance tells its own
 * commits only.
 */
@ApplicationScoped
public class PostgresChangeRelay {

    private static final Logger LOG = Logger.getLogger(PostgresChangeRelay.class.getName());

    static final String CHANNEL = "fastsync_changes";

    @Inject
    ChangeFeed feed;

    @Inject
    FastSyncSettings settings;

    @Inject
    @FastSyncUnit
    EntityManager em;

    private volatile boolean active;
    private volatile boolean stopping;
    private volatile Thread listener;
    private volatile Connection listening;
    private ClassLoader application;

    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    /** At start-up (once, though each module of an EAR announces its start). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        String name = settings.changes().relayDataSource();
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            LOG.info(() -> "FastSync tells change subscribers of this instance's commits only: no data source at "
                    + name + " (" + FastSyncSettings.CHANGES_RELAY_DATA_SOURCE + ") to relay them between instances");
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
                LOG.info(() -> "FastSync tells change subscribers of this instance's commits only: the database is "
                        + product + "; several instances relay them on PostgreSQL");
                return;
            }
        } catch (SQLException e) {
            LOG.warning(() -> "FastSync cannot tell the database of " + name + " (" + e.getMessage()
                    + "); change subscribers hear of this instance's commits only");
            return;
        }
        application = Thread.currentThread().getContextClassLoader();
        ManagedThreadFactory threads;
        try {
            threads = (ManagedThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException e) {
            LOG.warning(() -> "FastSync has no managed thread factory (" + e.getMessage()
                    + "); change subscribers hear of this instance's commits only");
            return;
        }
        active = true;
        Thread t = threads.newThread(() -> listen(dataSource));
        t.setName("fastsync-change-relay");
        t.setDaemon(true);
        listener = t;
        t.start();
        LOG.info(() -> "FastSync relays commits between instances with PostgreSQL LISTEN/NOTIFY on " + CHANNEL);
    }

    /** Inside each writing transaction, just before it commits: the notice PostgreSQL delivers with the commit. */
    void beforeCommit(@Observes(during = TransactionPhase.BEFORE_COMPLETION) ZoneWritten written) {
        if (!active) {
            return;
        }
        ZoneChange change = written.change();
        em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', ?)")
                .setParameter(1, change.version() + "\t" + change.type() + "\t" + change.zone())
                .getSingleResult();
    }

    private void listen(DataSource dataSource) {
        long backoff = 500;
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PgNotices notices = PgNotices.of(c, application);
                catchUp(c);
                backoff = 500;
                while (!stopping) {
                    notices.poll(10_000, this::deliver);
                }
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                LOG.log(
                        Level.WARNING,
                        "FastSync lost its PostgreSQL connection for relaying commits between instances ("
                                + rootMessage(e) + "); it connects again and catches up",
                        LOG.isLoggable(Level.FINE) ? e : null);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            } finally {
                listening = null;
            }
        }
    }

    /** Every zone this instance has subscribers for, at its version now: what a notice lost while not listening said. */
    private void catchUp(Connection c) throws SQLException {
        try (PreparedStatement read =
                c.prepareStatement("SELECT last_version FROM fastsync_version WHERE type_name = ? AND sync_zone = ?")) {
            for (ChangeFeed.Zone zone : feed.zones()) {
                read.setString(1, zone.type());
                read.setString(2, zone.zone());
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        feed.publish(new ZoneChange(zone.type(), zone.zone(), row.getLong(1)));
                    }
                }
            }
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split("\t", 3);
        if (parts.length == 3) {
            try {
                feed.publish(new ZoneChange(parts[1], parts[2], Long.parseLong(parts[0])));
            } catch (NumberFormatException e) {
                LOG.fine(() -> "FastSync ignored a notice on " + CHANNEL + " that it did not send: " + payload);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown
            }
        }
    }
}
