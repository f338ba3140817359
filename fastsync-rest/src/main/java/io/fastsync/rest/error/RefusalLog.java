package io.fastsync.rest.error;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.LogText;
import io.fastsync.metrics.Metrics;
import io.fastsync.rest.admin.RecentEvents;
import io.fastsync.wire.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * One log line (and one count in the metrics) for every refused request, so that an operator whose clients are being refused
 * sees it in the server log by default: status, code, where (type, object id, JSON Pointer), and
 * the client's address. A flood of bad requests cannot flood the log: past
 * {@code fastsync.log.refusals-per-minute} lines in a minute the rest are counted, and the count
 * is logged with the next line that is written. Failures (500) are logged where they happen, with
 * their incident id and the exception.
 */
@Provider
@ApplicationScoped
public class RefusalLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());

    @Context
    HttpServletRequest servletRequest;

    @Inject
    FastSyncSettings settings;

    @Inject
    Metrics metrics;

    @Inject
    RecentEvents recent;

    private RateLimit limit;

    @PostConstruct
    void start() {
        limit = new RateLimit(settings.refusalsLoggedPerMinute(), 60_000, Clock.systemUTC());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problems.Body body) {
            refused(
                    request.getMethod(),
                    rooted(request.getUriInfo().getPath()),
                    servletRequest == null ? "an unknown client" : servletRequest.getRemoteAddr(),
                    body.problem());
        }
    }

    /** Jersey (Payara) gives the path without its leading slash, RESTEasy (WildFly) with it. */
    static String rooted(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /**
     * Logs one refusal (a 4xx), within the rate limit; also for refusals answered before JAX-RS
     * sees the request ({@link io.fastsync.rest.BodyReading}).
     *
     * @param path the path within FastSync's context, such as {@code /push}
     */
    public void refused(String method, String path, String client, Problem problem) {
        if (problem.status() >= 500) {
            return;
        }
        metrics.get().refused(problem.code());
        recent.refused(method, path, client, problem);
        RateLimit.Decision decision = limit.tryAcquire();
        if (decision.suppressedBefore() > 0) {
            LOG.warning(() -> "FastSync refused " + decision.suppressedBefore()
                    + " more requests since the last refusal it logged, without logging each"
                    + " (fastsync.log.refusals-per-minute)");
        }
        if (decision.allowed()) {
            LOG.warning(() -> line(method, path, client, problem));
        }
    }

    /** {@code FastSync refused POST /push from 10.0.0.7: 400 invalid-field, type Item, id a1, at /data/Item/0/id: ...} */
    static String line(String method, String path, String client, Problem problem) {
        StringBuilder s = new StringBuilder("FastSync refused ")
                .append(method)
                .append(' ')
                .append(LogText.printable(path, 200))
                .append(" from ")
                .append(client)
                .append(": ")
                .append(problem.status())
                .append(' ')
                .append(problem.code());
        if (!problem.errors().isEmpty()) {
            Problem.Location at = problem.errors().get(0);
            if (at.type() != null) {
                s.append(", type ").append(LogText.printable(at.type(), 100));
            }
            if (at.id() != null) {
                s.append(", id ").append(LogText.printable(at.id(), 100));
            }
            if (at.pointer() != null && !at.pointer().isEmpty()) {
                s.append(", at ").append(LogText.printable(at.pointer(), 200));
            }
        }
        return s.append(": ").append(LogText.printable(problem.detail(), 300)).toString();
    }
}
