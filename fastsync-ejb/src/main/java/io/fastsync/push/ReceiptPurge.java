package io.fastsync.push;

import io.fastsync.config.FastSyncSettings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/** Forgets idempotency keys older than {@code fastsync.idempotency.retention-hours}, once an hour. */
@Singleton
public class ReceiptPurge {

    private static final Logger LOG = Logger.getLogger(ReceiptPurge.class.getName());

    @Inject
    PushReceipts receipts;

    @Inject
    FastSyncSettings settings;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void purge() {
        int purged = receipts.purgeOlderThan(Duration.ofHours(settings.receiptRetentionHours()));
        if (purged > 0) {
            LOG.fine(() -> "forgot " + purged + " idempotency keys");
        }
    }
}
