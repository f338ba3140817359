package io.fastsync.client;

import io.fastsync.client.store.StoredObject;
import java.util.List;

/**
 * The server no longer lets this client use a zone of a type: its user moved to another company,
 * or lost access. Told to {@link ZoneChangeListener} when the client hands the type over.
 *
 * @param type     the type's name
 * @param from     the zone the client synced until now
 * @param granted  the zones of the type the server says the client may use now; may be empty
 * @param unpushed the local changes of {@code from} that the server never acknowledged, as they
 *                 were when the client removed them with the rest of the zone's objects; never null
 */
public record ZoneChange(String type, String from, List<String> granted, List<StoredObject> unpushed) {

    public ZoneChange {
        granted = List.copyOf(granted);
        unpushed = List.copyOf(unpushed);
    }
}
