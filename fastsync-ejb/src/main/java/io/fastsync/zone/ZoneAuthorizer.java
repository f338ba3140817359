package io.fastsync.zone;

import java.util.List;
import java.util.Optional;

/**
 * Decides who may use which zone: the one place where that is decided. The default,
 * {@link DefaultZoneAuthorizer}, follows {@code fastsync.security.mode}; an application replaces it
 * with a CDI alternative of its own, for example
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION) @ApplicationScoped}, that looks
 * membership up in its own tables.
 */
public interface ZoneAuthorizer {

    /** @return true if the caller may have this access to this zone */
    boolean permits(Caller caller, ZoneRequest request);

    /**
     * The zones of a type the caller may use, for telling a client which zone is now its own when
     * it is refused one. Optional: an authorizer that cannot list them returns empty.
     */
    default Optional<List<String>> zonesOf(Caller caller, String typeName, SyncZoneRestriction restriction) {
        return Optional.empty();
    }

    /** @return true if this authorizer lets anyone use any zone (the server logs a warning at start-up) */
    default boolean trustsRequests() {
        return false;
    }
}
