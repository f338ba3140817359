package io.fastsync.client;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Told when a zone a type was synced in is no longer the client's own (see {@link ZoneChange}),
 * after the zone's local objects were removed; decides which zone the type is synced in from now
 * on. The client then pulls that zone from the beginning. Other types and zones are untouched.
 */
@FunctionalInterface
public interface ZoneChangeListener {

    /**
     * @return the zone to sync the type in from now on, one of {@link ZoneChange#granted()}; null
     *         to stop syncing the type (its pulls and pushes are skipped from then on)
     */
    String zoneChanged(ZoneChange change);

    /**
     * The default: logs each unpushed change that was removed as a warning (nothing goes
     * unreported), and moves to the one zone granted, or stops when none or several are.
     */
    ZoneChangeListener DEFAULT = change -> {
        Logger log = Logger.getLogger(ZoneChangeListener.class.getName());
        if (!change.unpushed().isEmpty()) {
            log.log(
                    Level.WARNING,
                    () -> "FastSync: zone '" + change.from() + "' of type " + change.type()
                            + " is no longer this client's; its "
                            + change.unpushed().size()
                            + " unpushed change(s) were removed: "
                            + change.unpushed().stream()
                                    .map(o -> o.id() + (o.deleted() ? " (deleted)" : " " + o.fields()))
                                    .collect(Collectors.joining(", ")));
        }
        return change.granted().size() == 1 ? change.granted().get(0) : null;
    };
}
