package io.fastsync.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The {@link SyncMetrics} in use: the one CDI bean of that type the application holds, or
 * {@link SyncMetrics#NONE} where there is none.
 */
@ApplicationScoped
public class Metrics {

    @Inject
    Instance<SyncMetrics> provided;

    private SyncMetrics metrics = SyncMetrics.NONE;

    /** For the container. */
    public Metrics() {}

    /** @return metrics that report to {@code metrics}, outside a container (tests, tools) */
    public static Metrics of(SyncMetrics metrics) {
        Metrics m = new Metrics();
        m.metrics = metrics;
        return m;
    }

    @PostConstruct
    void choose() {
        if (provided.isResolvable()) {
            metrics = provided.get();
        }
    }

    /** @return where to report; never null */
    public SyncMetrics get() {
        return metrics;
    }
}
