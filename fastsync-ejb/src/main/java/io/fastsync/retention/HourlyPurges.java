package io.fastsync.retention;

import io.fastsync.push.ReceiptPurge;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the hourly purges, the idempotency receipts' at minute 7 and the tombstones' at minute 37,
 * on the container's default scheduled executor. Not EJB timers: Payara Micro 7 without its data
 * grid (as the standalone server runs it) warns at every start that a timer service needs the full
 * profile, even for timers that are not persistent. Each purge runs through its bean, in that
 * bean's transactions, and a purge that fails is logged and tried again the next hour.
 */
@Singleton
@Startup
public class HourlyPurges {

    private static final Logger LOG = Logger.getLogger(HourlyPurges.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @EJB
    ReceiptPurge receipts;

    @EJB
    TombstoneRetention tombstones;

    private List<ScheduledFuture<?>> scheduled = List.of();

    @PostConstruct
    void start() {
        scheduled = List.of(
                hourlyAt(7, "idempotency receipts", receipts::purge),
                hourlyAt(37, "tombstones", tombstones::scheduled));
    }

    @PreDestroy
    void stop() {
        scheduled.forEach(f -> f.cancel(false));
    }

    private ScheduledFuture<?> hourlyAt(int minute, String what, Runnable purge) {
        long first = untilMinute(LocalDateTime.now(), minute).toMillis();
        return scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        purge.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "FastSync could not purge " + what + "; it tries again in an hour", e);
                    }
                },
                first,
                TimeUnit.HOURS.toMillis(1),
                TimeUnit.MILLISECONDS);
    }

    /** The time from {@code now} to the next start of the given minute of an hour. */
    static Duration untilMinute(LocalDateTime now, int minute) {
        LocalDateTime next = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(minute);
        if (!next.isAfter(now)) {
            next = next.plusHours(1);
        }
        return Duration.between(now, next);
    }
}
