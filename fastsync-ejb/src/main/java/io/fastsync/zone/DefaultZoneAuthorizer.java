package io.fastsync.zone;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.config.FastSyncSettings.SecurityMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The default {@link ZoneAuthorizer}, as {@code fastsync.security.mode} says.
 *
 * <ul>
 *   <li>{@code token} and {@code container}: a restricted type's zone is one of the values of the
 *       type's zone claim ({@code fastsync.type.<Name>.zone-claim}, by default {@code sub}), so a
 *       per-user type is the user's own and a per-company type is granted by a {@code tenant}
 *       claim; a claim may hold several zones. Every authenticated caller reads global types; only
 *       a caller in the group {@code fastsync.security.global-writer-role} writes them. An anonymous
 *       caller may do nothing.
 *   <li>{@code trust}: every caller may use every zone it names. Fit for trying FastSync out on one
 *       machine or behind a gateway that authenticates, never for the open internet.
 * </ul>
 */
@ApplicationScoped
public class DefaultZoneAuthorizer implements ZoneAuthorizer {

    private static final Logger LOG = Logger.getLogger(DefaultZoneAuthorizer.class.getName());

    private final FastSyncSettings.Security security;

    @Inject
    public DefaultZoneAuthorizer(FastSyncSettings settings) {
        this.security = settings.security();
    }

    /**
     * Says at start-up how callers are known; a warning in trust mode, where nobody is. Where the
     * application replaced this authorizer (an alternative), it says which one decides instead:
     * this bean still observes the start, though it decides nothing.
     */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object start, BeanManager beans) {
        Bean<?> chosen = beans.resolve(beans.getBeans(ZoneAuthorizer.class));
        if (chosen != null && chosen.getBeanClass() != DefaultZoneAuthorizer.class) {
            LOG.info(() -> "FastSync zones are decided by the application's "
                    + chosen.getBeanClass().getName());
            return;
        }
        if (security.mode() != SecurityMode.TRUST) {
            LOG.info(() -> "FastSync security: " + security.mode().name().toLowerCase(Locale.ROOT)
                    + " mode; each caller may use only the zones its identity grants");
        } else if (security.allowRemoteTrust()) {
            LOG.warning("FastSync trusts the zone named in each request and serves other machines too"
                    + " (fastsync.security.allow-remote-trust=true): anyone who reaches it can read and write any"
                    + " zone. Configure token verification (mp.jwt.verify.publickey.location, mp.jwt.verify.issuer).");
        } else {
            LOG.warning("FastSync trusts the zone named in each request: its endpoints serve this machine only"
                    + " (127.0.0.1), and any local client can read and write any zone. To serve other machines,"
                    + " configure token verification (mp.jwt.verify.publickey.location, mp.jwt.verify.issuer).");
        }
    }

    @Override
    public boolean permits(Caller caller, ZoneRequest request) {
        if (security.mode() == SecurityMode.TRUST) {
            return true;
        }
        if (!caller.authenticated()) {
            return false;
        }
        if (request.restriction() == SyncZoneRestriction.GLOBAL) {
            return request.access() == ZoneAccess.READ || caller.inGroup(security.globalWriterRole());
        }
        return caller.claim(security.zoneClaim(request.typeName())).contains(request.zone());
    }

    @Override
    public Optional<List<String>> zonesOf(Caller caller, String typeName, SyncZoneRestriction restriction) {
        if (security.mode() == SecurityMode.TRUST) {
            return Optional.empty();
        }
        if (restriction == SyncZoneRestriction.GLOBAL) {
            return Optional.of(caller.authenticated() ? List.of(SyncZoneRestriction.GLOBAL_ZONE) : List.of());
        }
        return Optional.of(caller.claim(security.zoneClaim(typeName)));
    }

    @Override
    public boolean trustsRequests() {
        return security.mode() == SecurityMode.TRUST;
    }
}
