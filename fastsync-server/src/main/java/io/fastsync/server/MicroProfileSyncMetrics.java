package io.fastsync.server;

import io.fastsync.metrics.SyncMetrics;
import io.fastsync.wire.ConflictWinner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * FastSync's figures in MicroProfile Metrics' application registry, served by Payara at
 * {@code /metrics?scope=application} (Prometheus text). The metrics table of
 * {@code docs/operations.md} lists them.
 */
@ApplicationScoped
public class MicroProfileSyncMetrics implements SyncMetrics {

    @Inject
    MetricRegistry registry;

    private Timer pushes;
    private Histogram pushObjects;
    private Timer lockWaits;
    private Timer pulls;
    private Histogram pageObjects;
    private Histogram pageBytes;
    private final AtomicLong streams = new AtomicLong();
    private Counter folded;

    @PostConstruct
    void register() {
        pushes = registry.timer(timed("fastsync.push", "pushes answered, replays included, and their time"));
        pushObjects = registry.histogram(metadata("fastsync.push.objects", "objects per answered push"));
        lockWaits =
                registry.timer(timed("fastsync.push.lockWait", "time a push waited for its zones' version counters"));
        pulls = registry.timer(timed("fastsync.pull", "pulls answered, and their time"));
        pageObjects = registry.histogram(metadata("fastsync.pull.objects", "objects per pull page"));
        pageBytes = registry.histogram(Metadata.builder()
                .withName("fastsync.pull.bytes")
                .withDescription("bytes per pull page as written")
                .withUnit(MetricUnits.BYTES)
                .build());
        registry.gauge(
                metadata("fastsync.changes.open", "change streams open on this instance"), streams, AtomicLong::get);
        folded = registry.counter(metadata(
                "fastsync.changes.folded", "commits told to a stream in one event with a later one of the same zone"));
    }

    /** A timer's metadata: in seconds, as Prometheus expects. */
    private static Metadata timed(String name, String description) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(MetricUnits.SECONDS)
                .build();
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    @Override
    public void pushed(Duration took, int objects) {
        pushes.update(took);
        pushObjects.update(objects);
    }

    @Override
    public void waitedForLocks(Duration waited) {
        lockWaits.update(waited);
    }

    @Override
    public void conflict(String type, String strategy, ConflictWinner winner) {
        registry.counter(
                        "fastsync.conflicts",
                        new Tag("type", type),
                        new Tag("strategy", strategy),
                        new Tag("winner", winner.name().toLowerCase(Locale.ROOT)))
                .inc();
    }

    @Override
    public void replayed(boolean keyed) {
        registry.counter("fastsync.replays", new Tag("kind", keyed ? "keyed" : "keyless"))
                .inc();
    }

    @Override
    public void pulled(Duration took, int objects) {
        pulls.update(took);
        pageObjects.update(objects);
    }

    @Override
    public void pageWritten(long bytes) {
        pageBytes.update(bytes);
    }

    @Override
    public void tombstonesPurged(long count) {
        registry.counter("fastsync.tombstones.purged").inc(count);
    }

    @Override
    public void streamOpened() {
        streams.incrementAndGet();
    }

    @Override
    public void streamEnded(String reason) {
        streams.decrementAndGet();
        registry.counter("fastsync.changes.ended", new Tag("reason", reason)).inc();
    }

    @Override
    public void streamEventFolded() {
        folded.inc();
    }

    @Override
    public void refused(String code) {
        registry.counter("fastsync.refusals", new Tag("code", code)).inc();
    }
}
