package io.fastsync.retention;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.metrics.Metrics;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.wire.Numbers;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Keeps tombstones for {@code fastsync.tombstones.retention-days} (by their timestamp, as the
 * writer set it), then purges them, once an hour; the admin API purges on demand. One log line
 * per purge that deleted something. With the default, 0, nothing is ever purged.
 */
@Singleton
public class TombstoneRetention {

    private static final Logger LOG = Logger.getLogger(TombstoneRetention.class.getName());

    @Inject
    FastSyncSettings settings;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    Metrics metrics;

    @EJB
    TombstonePurge purge;

    /**
     * @param purged tombstones deleted
     * @param zones  zone batches they were in
     */
    public record Purged(long purged, long zones) {}

    /** Called once an hour by {@link io.fastsync.retention.HourlyPurges}. */
    public void scheduled() {
        int days = settings.tombstoneRetentionDays();
        if (days > 0) {
            purgeOlderThan(Duration.ofDays(days));
        }
    }

    /** Purges every served type's tombstones older than {@code age}, batch by batch. */
    public Purged purgeOlderThan(Duration age) {
        long before = Numbers.micros(Instant.now().minus(age));
        long purged = 0;
        long zones = 0;
        for (String type : registry.names()) {
            TombstonePurge.Batch batch;
            do {
                batch = purge.batch(type, before);
                purged += batch.purged();
                zones += batch.zones();
            } while (batch.zones() == TombstonePurge.ZONES_PER_BATCH);
        }
        if (purged > 0) {
            long n = purged;
            long z = zones;
            LOG.info(() -> "FastSync purged " + n + " tombstones older than " + age.toDays() + " days, in " + z
                    + " zones; clients whose cursors predate them start over");
            metrics.get().tombstonesPurged(purged);
        }
        return new Purged(purged, zones);
    }
}
