package io.fastsync.zone;

import io.fastsync.error.InvalidRequestException;
import io.fastsync.error.MissingZoneException;
import io.fastsync.error.ZoneForbiddenException;
import io.fastsync.registry.RegisteredType;
import io.fastsync.wire.Limits;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The one place that says which zone a request works in and whether its caller may use it: push,
 * pull and the application's repositories all ask here. Who may use a zone is the
 * {@link ZoneAuthorizer}'s decision; this class applies it and refuses in one way.
 */
@Dependent
public class ZoneAuthority {

    private final ZoneAuthorizer authorizer;

    @Inject
    public ZoneAuthority(ZoneAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * Resolves the zone a request names for a type and lets the caller in, or refuses.
     *
     * @param caller    who asks; {@link Caller#ANONYMOUS} where the request carries no identity
     * @param requested the zone the request named; may be null
     * @param pointer   where the request named it (JSON Pointer), for the refusal
     * @return the zone to work in: {@code "Global"} for a global type
     * @throws MissingZoneException   if a restricted type has no zone
     * @throws InvalidRequestException if the zone is longer than {@value Limits#ZONE} characters
     * @throws ZoneForbiddenException if the authorizer refuses the caller this access
     */
    public String admit(Caller caller, RegisteredType<?> type, String requested, ZoneAccess access, String pointer) {
        String zone = zoneOf(type.zoneRestriction(), requested);
        if (zone == null) {
            throw new MissingZoneException(
                    type.name(), null, pointer, "type " + type.name() + " is restricted: syncZone is required");
        }
        if (zone.length() > Limits.ZONE) {
            throw new InvalidRequestException(
                    type.name(), null, pointer, "a zone has at most " + Limits.ZONE + " characters");
        }
        if (!authorizer.permits(caller, new ZoneRequest(type.name(), type.zoneRestriction(), zone, access))) {
            String message = "the caller may not " + (access == ZoneAccess.READ ? "read" : "write") + " zone '" + zone
                    + "' of type " + type.name();
            Optional<List<String>> granted = authorizer.zonesOf(caller, type.name(), type.zoneRestriction());
            throw granted.isPresent()
                    ? new ZoneForbiddenException(type.name(), pointer, message, granted.get())
                    : new ZoneForbiddenException(type.name(), null, pointer, message);
        }
        return zone;
    }

    /**
     * The zone that application code names for a type, for the application's repositories:
     * application code is trusted, and a mistake in it is an argument error, not a refused request.
     *
     * @throws IllegalArgumentException if a restricted type has no zone or a zone too long
     */
    public static String forApplication(RegisteredType<?> type, String requested) {
        String zone = zoneOf(type.zoneRestriction(), requested);
        if (zone == null || zone.length() > Limits.ZONE) {
            throw new IllegalArgumentException("type " + type.name() + " is restricted: a zone of 1 to " + Limits.ZONE
                    + " characters is required, found " + (zone == null ? "none" : zone.length() + " characters"));
        }
        return zone;
    }

    /** @return the zone of a type for a requested name: {@code "Global"} for a global type, null where a restricted one has none */
    static String zoneOf(SyncZoneRestriction restriction, String requested) {
        if (restriction == SyncZoneRestriction.GLOBAL) {
            return SyncZoneRestriction.GLOBAL_ZONE;
        }
        return requested == null || requested.isBlank() ? null : requested;
    }
}
