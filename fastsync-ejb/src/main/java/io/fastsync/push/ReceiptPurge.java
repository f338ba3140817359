package io.fastsync.push;

import io.fastsync.config.FastSyncSettings;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Forgets idempotency keys, and the digests that tell keyless retries, older than
 * {@code fastsync.idempotency.retention-hours}, once an hour.
 */
@Singleton
public class ReceiptPurge {

    private static final Logger LOG = Logger.getLogger(ReceiptPurge.class.getName());

    @Inject
    PushReceipts receipts;

    @Inject
    Submissions submissions;

    @Inject
    FastSyncSettings settings;

    /** Called once an hour by {@link io.fastsync.retention.HourlyPurges}. */
    public void purge() {
        Duration retention = Duration.ofHours(settings.receiptRetentionHours());
        int keys = receipts.purgeOlderThan(retention);
        int digests = submissions.purgeOlderThan(retention);
        if (keys + digests > 0) {
            LOG.fine(() -> "forgot " + keys + " idempotency keys and " + digests + " keyless submissions");
        }
    }
}
