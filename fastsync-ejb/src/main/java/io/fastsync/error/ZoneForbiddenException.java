package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** The zone authorizer refused the caller access to a zone. */
public class ZoneForbiddenException extends SyncRequestException {

    public ZoneForbiddenException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public ZoneForbiddenException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String code() {
        return "zone-forbidden";
    }

    @Override
    public String title() {
        return "The caller may not use this zone";
    }
}
