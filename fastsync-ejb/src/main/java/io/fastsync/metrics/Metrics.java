package io.fastsync.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The {@link SyncMetrics} in use: the one CDI bean of that type that the engine sees, else the
 * one {@linkplain #offer offered} by a module the engine cannot see, else {@link SyncMetrics#NONE}.
 */
@ApplicationScoped
public class Metrics {

    @Inject
    Instance<SyncMetrics> provided;

    private volatile SyncMetrics metrics = SyncMetrics.NONE;
    private boolean chosen;

    /** For the container. */
    public Metrics() {}

    /** @return metrics that report to {@code metrics}, outside a container (tests, tools) */
    public static Metrics of(SyncMetrics metrics) {
        Metrics m = new Metrics();
        m.metrics = metrics;
        m.chosen = true;
        return m;
    }

    @PostConstruct
    void choose() {
        if (provided.isResolvable()) {
            metrics = provided.get();
            chosen = true;
        }
    }

    /**
     * Records through {@code offered} from now on, unless the engine sees a {@link SyncMetrics}
     * bean of its own. For an implementation in a module whose beans the engine's module cannot
     * see: in an EAR, the web module's {@code fastsync-telemetry} offers itself when the web
     * module starts, since a library in {@code lib/} could not see {@code SyncMetrics} in the EJB module.
     *
     * @return whether the engine records through {@code offered} now
     */
    public synchronized boolean offer(SyncMetrics offered) {
        if (!chosen) {
            metrics = offered;
            chosen = true;
        }
        return metrics == offered;
    }

    /** @return where to report; never null */
    public SyncMetrics get() {
        return metrics;
    }
}
