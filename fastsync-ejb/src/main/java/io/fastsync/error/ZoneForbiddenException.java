package io.fastsync.error;

import java.util.List;
import java.util.Map;

/** The zone authorizer refuses the caller the zone. */
public class ZoneForbiddenException extends SyncRequestException {

    /** @see SyncRequestException#SyncRequestException(Refusal, String, String, String, String) */
    public ZoneForbiddenException(String type, String id, String pointer, String message) {
        super(Refusal.ZONE_FORBIDDEN, type, id, pointer, message);
    }

    /** @param granted the zones of the type the caller may use now; may be empty */
    public ZoneForbiddenException(String type, String pointer, String message, List<String> granted) {
        super(Refusal.ZONE_FORBIDDEN, type, null, pointer, message, Map.of(type, granted));
    }
}
