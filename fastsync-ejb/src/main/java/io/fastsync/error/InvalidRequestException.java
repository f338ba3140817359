package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** A field of the request is missing, has the wrong type, or a value the server refuses. */
public class InvalidRequestException extends SyncRequestException {

    public InvalidRequestException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public InvalidRequestException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "invalid-field";
    }

    @Override
    public String title() {
        return "A field has the wrong type or value";
    }
}
