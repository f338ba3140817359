package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** The request names a type this server does not serve. */
public class UnknownTypeException extends SyncRequestException {

    public UnknownTypeException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public UnknownTypeException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "unknown-type";
    }

    @Override
    public String title() {
        return "The type is not served here";
    }
}
