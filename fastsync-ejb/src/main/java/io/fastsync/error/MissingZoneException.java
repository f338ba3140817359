package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** A restricted type was pushed or pulled without a zone. */
public class MissingZoneException extends SyncRequestException {

    public MissingZoneException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public MissingZoneException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "missing-zone";
    }

    @Override
    public String title() {
        return "A restricted type needs a zone";
    }
}
