package io.fastsync.zone;

import java.security.Principal;

/**
 * Decides who may use which zone: the one place where that is decided. The default trusts the
 * zone named in the request; an application replaces it with a CDI alternative, for example
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION) @ApplicationScoped}.
 */
public interface ZoneAuthorizer {

    /**
     * @param caller the authenticated caller; may be null where the request carries no identity
     * @return true if the caller may have this access to the zone of the type
     */
    boolean permits(Principal caller, String typeName, String zone, ZoneAccess access);

    /** @return true if this authorizer lets anyone use any zone (the server logs a warning at start-up) */
    default boolean trustsRequests() {
        return false;
    }
}
