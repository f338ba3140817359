package org.example.tasks;

import io.fastsync.zone.Caller;
import io.fastsync.zone.SyncZoneRestriction;
import io.fastsync.zone.ZoneAuthorizer;
import io.fastsync.zone.ZoneRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;

/**
 * The application's zone rule, in place of FastSync's default: a team's tasks are the zone named
 * after the team, and a caller may read and write its own team's zone only. Being a CDI
 * alternative with a priority, it replaces the default for every push and pull.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class TeamZones implements ZoneAuthorizer {

    @Override
    public boolean permits(Caller caller, ZoneRequest request) {
        return caller.authenticated() && caller.name().equals(request.zone());
    }

    /** Tells a client refused a zone which one is its own. */
    @Override
    public Optional<List<String>> zonesOf(Caller caller, String typeName, SyncZoneRestriction restriction) {
        return caller.authenticated() ? Optional.of(List.of(caller.name())) : Optional.empty();
    }
}
