package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** A push holds more objects or bytes than the server accepts. */
public class PushTooLargeException extends SyncRequestException {

    public PushTooLargeException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public PushTooLargeException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String code() {
        return "push-too-large";
    }

    @Override
    public String title() {
        return "The push is too large";
    }
}
