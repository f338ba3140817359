package org.example.tasks;

import io.fastsync.zone.Caller;
import jakarta.ws.rs.ForbiddenException;
import java.util.Map;
import java.util.Set;

/**
 * Who calls: the team named in the {@code X-Team} header. It stands for the application's own
 * login (a session, a token); FastSync takes whatever {@link Caller} the application establishes.
 */
final class Teams {

    static final String HEADER = "X-Team";

    private Teams() {}

    static Caller caller(String team) {
        return team == null || team.isBlank() ? Caller.ANONYMOUS : Caller.named(team, Map.of(), Set.of());
    }

    /** @throws ForbiddenException unless the caller is of this team */
    static void require(String caller, String team) {
        if (!team.equals(caller)) {
            throw new ForbiddenException("the tasks of team " + team + " are for that team only");
        }
    }
}
