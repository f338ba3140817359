package io.fastsync.server;

import io.fastsync.admin.SchemaVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness ({@code GET /health/ready}): up only while the database answers
 * and holds the schema this release needs, so that a load balancer sends no request to an
 * instance that cannot serve it. The answer names no database, driver or error; the log does,
 * once each time the state changes.
 */
@Readiness
@ApplicationScoped
public class FastSyncReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(FastSyncReadiness.class.getName());

    @Inject
    SchemaVersions schema;

    /** The last state reported, to log changes only: a probe runs every few seconds. */
    private final AtomicReference<String> last = new AtomicReference<>("up");

    @Override
    public HealthCheckResponse call() {
        String state;
        String cause = null;
        try {
            int found = schema.inDatabase();
            state = found == schema.current() ? "up" : "schema version " + found + ", needs " + schema.current();
        } catch (RuntimeException e) {
            state = "database not answering";
            cause = rootCause(e);
        }
        String before = last.getAndSet(state);
        if (!state.equals(before)) {
            String why = cause;
            String now = state;
            if (now.equals("up")) {
                LOG.info("FastSync is ready again");
            } else {
                LOG.warning(() -> "FastSync is not ready: " + now + (why == null ? "" : " (" + why + ")"));
            }
        }
        return HealthCheckResponse.named("fastsync")
                .status(state.equals("up"))
                .withData("state", state)
                .build();
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
