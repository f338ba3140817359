package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** A push named an object that lives in another zone; objects never change zones. */
public class ZoneConflictException extends SyncRequestException {

    public ZoneConflictException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public ZoneConflictException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return "zone-conflict";
    }

    @Override
    public String title() {
        return "The object belongs to another zone";
    }
}
