package io.fastsync.telemetry;

import io.fastsync.metrics.Metrics;
import io.fastsync.metrics.SyncMetrics;
import io.fastsync.metrics.Traced;
import io.fastsync.wire.ConflictWinner;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongHistogramBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * FastSync's metrics and traces in OpenTelemetry, through the {@link OpenTelemetry} bean of
 * MicroProfile Telemetry 2. The names, units and attributes are those of the metrics table in
 * {@code docs/operations.md}; an exporter that writes to Prometheus turns {@code fastsync.push.duration}
 * (seconds) into {@code fastsync_push_duration_seconds}, and so on. With the server's
 * OpenTelemetry turned off (MicroProfile Telemetry's default), every call records nothing.
 */
@ApplicationScoped
public class OpenTelemetrySyncMetrics implements SyncMetrics {

    /** The instrumentation scope of every metric and span. */
    public static final String SCOPE = "io.fastsync";

    private static final List<Double> SECONDS =
            List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0);
    private static final List<Long> OBJECTS = List.of(0L, 1L, 2L, 5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 5000L);
    private static final List<Long> BYTES =
            List.of(256L, 1024L, 4096L, 16_384L, 65_536L, 262_144L, 1_048_576L, 4_194_304L, 16_777_216L);

    /**
     * Whether the OpenTelemetry API in use takes bucket advice (1.32 and later). The server's API
     * is the one used, and Payara 6 brings 1.29: its histograms then keep the SDK's default buckets.
     */
    private static final boolean BUCKET_ADVICE = takesBucketAdvice();

    private static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    private static final AttributeKey<String> STRATEGY = AttributeKey.stringKey("strategy");
    private static final AttributeKey<String> WINNER = AttributeKey.stringKey("winner");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> CODE = AttributeKey.stringKey("code");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");

    @Inject
    Instance<OpenTelemetry> provided;

    private OpenTelemetry openTelemetry;

    private Tracer tracer;
    private DoubleHistogram pushes;
    private LongHistogram pushObjects;
    private DoubleHistogram lockWaits;
    private LongCounter conflicts;
    private LongCounter replays;
    private DoubleHistogram pulls;
    private LongHistogram pageObjects;
    private LongHistogram pageBytes;
    private LongCounter refusals;
    private LongCounter purged;
    private LongUpDownCounter open;
    private LongCounter ended;
    private LongCounter folded;
    private DoubleHistogram lag;

    /** For the container. */
    public OpenTelemetrySyncMetrics() {}

    /** Outside a container (tests, tools): records with {@code openTelemetry}. */
    public OpenTelemetrySyncMetrics(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        create();
    }

    @PostConstruct
    void choose() {
        // A server without MicroProfile Telemetry provides no bean: FastSync records nothing there.
        openTelemetry = provided.isResolvable() ? provided.get() : OpenTelemetry.noop();
        create();
    }

    /**
     * Offers these metrics to the engine when this module starts: in an EAR whose web module
     * carries this library, the engine in the EJB module cannot see this bean by itself.
     */
    void offerToTheEngine(@Observes @Initialized(ApplicationScoped.class) Object started, Metrics engine) {
        engine.offer(this);
    }

    private void create() {
        tracer = openTelemetry.getTracer(SCOPE);
        Meter meter = openTelemetry.getMeter(SCOPE);
        pushes = seconds(meter, "fastsync.push.duration", "pushes answered, replays included, and their time");
        pushObjects = longs(meter, "fastsync.push.objects", "{object}", "objects per answered push", OBJECTS);
        lockWaits = seconds(meter, "fastsync.push.lock_wait", "time a push waited for its zones' version counters");
        conflicts = counter(meter, "fastsync.conflicts", "{conflict}", "conflicts a type's strategy settled");
        replays = counter(meter, "fastsync.replays", "{push}", "retries answered without changing anything");
        pulls = seconds(meter, "fastsync.pull.duration", "pulls answered, and their time");
        pageObjects = longs(meter, "fastsync.pull.objects", "{object}", "objects per pull page", OBJECTS);
        pageBytes = longs(meter, "fastsync.pull.size", "By", "bytes per pull page as written", BYTES);
        refusals = counter(meter, "fastsync.refusals", "{request}", "requests refused with a 4xx, by problem code");
        purged = counter(meter, "fastsync.tombstones.purged", "{tombstone}", "tombstones purged");
        open = meter.upDownCounterBuilder("fastsync.changes.open")
                .setDescription("change streams open on this instance")
                .setUnit("{stream}")
                .build();
        ended = counter(meter, "fastsync.changes.ended", "{stream}", "change streams that ended, by reason");
        folded = counter(
                meter,
                "fastsync.changes.folded",
                "{commit}",
                "commits told to a stream in one event with a later one of the same zone");
        lag = seconds(
                meter,
                "fastsync.changes.lag",
                "time from this instance learning of a commit to a change stream being told of it");
    }

    private static LongCounter counter(Meter meter, String name, String unit, String description) {
        return meter.counterBuilder(name)
                .setDescription(description)
                .setUnit(unit)
                .build();
    }

    private static DoubleHistogram seconds(Meter meter, String name, String description) {
        DoubleHistogramBuilder histogram =
                meter.histogramBuilder(name).setDescription(description).setUnit("s");
        return BUCKET_ADVICE
                ? histogram.setExplicitBucketBoundariesAdvice(SECONDS).build()
                : histogram.build();
    }

    private static LongHistogram longs(Meter meter, String name, String unit, String description, List<Long> buckets) {
        LongHistogramBuilder histogram = meter.histogramBuilder(name)
                .setDescription(description)
                .setUnit(unit)
                .ofLongs();
        return BUCKET_ADVICE
                ? histogram.setExplicitBucketBoundariesAdvice(buckets).build()
                : histogram.build();
    }

    private static boolean takesBucketAdvice() {
        try {
            DoubleHistogramBuilder.class.getMethod("setExplicitBucketBoundariesAdvice", List.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    @Override
    public void pushed(Duration took, int objects) {
        pushes.record(seconds(took));
        pushObjects.record(objects);
    }

    @Override
    public void waitedForLocks(Duration waited) {
        lockWaits.record(seconds(waited));
    }

    @Override
    public void conflict(String type, String strategy, ConflictWinner winner) {
        conflicts.add(
                1,
                Attributes.of(
                        TYPE, type, STRATEGY, strategy, WINNER, winner.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void replayed(boolean keyed) {
        replays.add(1, Attributes.of(KIND, keyed ? "keyed" : "keyless"));
    }

    @Override
    public void pulled(Duration took, int objects) {
        pulls.record(seconds(took));
        pageObjects.record(objects);
    }

    @Override
    public void pageWritten(long bytes) {
        pageBytes.record(bytes);
    }

    @Override
    public void refused(String code) {
        refusals.add(1, Attributes.of(CODE, code));
    }

    @Override
    public void tombstonesPurged(long count) {
        purged.add(count);
    }

    @Override
    public void streamOpened() {
        open.add(1);
    }

    @Override
    public void streamEnded(String reason) {
        open.add(-1);
        ended.add(1, Attributes.of(REASON, reason));
    }

    @Override
    public void streamEventFolded() {
        folded.add(1);
    }

    @Override
    public void changeTold(Duration lagged) {
        lag.record(seconds(lagged));
    }

    @Override
    public Traced begin(String name) {
        Span span = tracer.spanBuilder(name).startSpan();
        Scope scope = span.makeCurrent();
        return new Traced() {
            @Override
            public Traced attribute(String key, String value) {
                span.setAttribute(key, value);
                return this;
            }

            @Override
            public Traced attribute(String key, long value) {
                span.setAttribute(key, value);
                return this;
            }

            @Override
            public void failed(Throwable error) {
                // The exception's type only: its message may name a zone or quote an object.
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
                span.setAttribute("exception.type", error.getClass().getName());
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }
}
