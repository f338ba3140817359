package io.fastsync.rest.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.fastsync.error.LogText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The key set of an identity provider, fetched from its URL and kept. It is fetched when first
 * needed, again once it is {@link #TIME_TO_LIVE} old (or the refresh interval, if that is longer),
 * and again when a token names a key it lacks (a rotated key); but never twice within the refresh
 * interval, whatever tokens arrive, so that tokens of unknown keys cost no fetch each. A fetch that
 * fails keeps the keys of the last one that succeeded; before any has, tokens cannot be verified
 * ({@link KeySetUnavailableException}, {@code 503}). Failures are logged in one line, at most once a
 * minute, without a stack trace. Thread-safe: a token whose key the kept set holds waits for no fetch
 * unless the set has expired.
 *
 * <p>The fetching is Nimbus's; the keeping is here because Nimbus's caching source
 * ({@code JWKSourceBuilder}) lets two fetches through per rate-limit window and then throws for
 * every unknown kid, so a flood of unknown kids became a {@code 500} per request, and could use
 * up the window just when the cached set expired and valid tokens needed a fetch.
 */
final class RemoteKeySet implements JWKSource<SecurityContext> {

    private static final Logger LOG = Logger.getLogger(RemoteKeySet.class.getName());

    /** How long a fetched key set is used before it is fetched again, so that a removed key stops verifying. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private static final Duration FAILURES_LOGGED_EVERY = Duration.ofMinutes(1);

    /** Fetches the key set once. */
    @FunctionalInterface
    interface Fetch {
        JWKSet keys() throws Exception;
    }

    /** Keys as fetched, and when. */
    private record Fetched(JWKSet keys, Instant at) {}

    private final String location;
    private final Fetch fetch;
    private final Duration interval;
    private final Duration timeToLive;
    private final Clock clock;

    /** The last keys fetched; null before the first fetch succeeds. Written under this object's lock. */
    private volatile Fetched fetched;

    // Guarded by this object's lock:
    private Instant triedAt;
    private boolean failing;
    private Instant failureLoggedAt;
    private long failuresNotLogged;

    /**
     * @param location where the keys come from, for the log
     * @param interval the least time between two fetches
     */
    RemoteKeySet(String location, Fetch fetch, Duration interval, Clock clock) {
        this.location = location;
        this.fetch = fetch;
        this.interval = interval;
        this.timeToLive = interval.compareTo(TIME_TO_LIVE) > 0 ? interval : TIME_TO_LIVE;
        this.clock = clock;
    }

    /**
     * @return the keys the selector picks; when it picks none of the kept set, of the set fetched again if the
     *     refresh interval allows a fetch now
     * @throws KeySetUnavailableException if no key set could be fetched yet
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Fetched known = current();
        List<JWK> found = selector.select(known.keys());
        if (found.isEmpty()) {
            Fetched again = newerThan(known);
            if (again != known) {
                found = selector.select(again.keys());
            }
        }
        return found;
    }

    private Fetched current() {
        Fetched known = fetched;
        if (known != null && clock.instant().isBefore(known.at().plus(timeToLive))) {
            return known;
        }
        synchronized (this) {
            // Read again: another request may have fetched meanwhile.
            Instant now = clock.instant();
            fetchIfDue(now);
            if (fetched == null) {
                long retry = retryAfterSeconds(now);
                throw new KeySetUnavailableException(
                        "the keys that verify tokens cannot be fetched from the identity provider; retry in " + retry
                                + " s",
                        retry);
            }
            return fetched;
        }
    }

    private synchronized Fetched newerThan(Fetched seen) {
        if (fetched == seen) {
            fetchIfDue(clock.instant());
        }
        return fetched;
    }

    private void fetchIfDue(Instant now) {
        if (triedAt != null && now.isBefore(triedAt.plus(interval))) {
            return;
        }
        triedAt = now;
        try {
            fetched = new Fetched(fetch.keys(), now);
        } catch (Exception e) {
            failed(now, e);
            return;
        }
        if (failing) {
            failing = false;
            LOG.info(() -> "FastSync fetched the token verification keys from " + location + " again");
        }
    }

    private void failed(Instant now, Exception e) {
        failing = true;
        if (failureLoggedAt != null && now.isBefore(failureLoggedAt.plus(FAILURES_LOGGED_EVERY))) {
            failuresNotLogged++;
            return;
        }
        failureLoggedAt = now;
        long more = failuresNotLogged;
        failuresNotLogged = 0;
        Fetched kept = fetched;
        String reason = e.getClass().getSimpleName() + ": " + LogText.printable(e.getMessage(), 200);
        LOG.warning(() -> "FastSync cannot fetch the token verification keys from " + location + " (" + reason + "); "
                + (kept == null
                        ? "requests with tokens are answered 503 key-set-unavailable until it can"
                        : "the keys fetched at " + kept.at() + " still verify tokens")
                + "; it tries again at most every " + interval.toSeconds() + " s"
                + (more > 0 ? " (" + more + " more failures since the last line)" : ""));
    }

    /** @return the whole seconds until a fetch may be tried again, at least 1 */
    private long retryAfterSeconds(Instant now) {
        long millis = Duration.between(now, triedAt.plus(interval)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
