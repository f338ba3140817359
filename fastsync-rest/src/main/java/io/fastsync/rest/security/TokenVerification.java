package io.fastsync.rest.security;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.config.FastSyncSettings.SecurityMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The token verifier of token mode, built when the application starts: a key that cannot be read
 * stops the deployment with the setting named, rather than failing every request later.
 */
@ApplicationScoped
public class TokenVerification {

    private final TokenVerifier verifier;

    /** For the container's proxy. */
    protected TokenVerification() {
        this.verifier = null;
    }

    @Inject
    public TokenVerification(FastSyncSettings settings) {
        this.verifier = settings.security().mode() == SecurityMode.TOKEN
                ? new TokenVerifier(settings.security(), Clock.systemUTC())
                : null;
    }

    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // Observing start-up makes the container build this bean, and so read the key, now.
    }

    /** @return the verifier; only in token mode */
    TokenVerifier verifier() {
        if (verifier == null) {
            throw new IllegalStateException("not in token mode");
        }
        return verifier;
    }
}
