package io.fastsync.error;

import io.fastsync.wire.Problem;
import java.util.List;

/** A push reused an idempotency key with a different body. */
public class IdempotencyKeyReusedException extends SyncRequestException {

    public IdempotencyKeyReusedException(String detail, List<Problem.Location> locations) {
        super(detail, locations);
    }

    public IdempotencyKeyReusedException(String type, String id, String pointer, String message) {
        super(message, at(type, id, pointer, message));
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String code() {
        return "idempotency-key-reused";
    }

    @Override
    public String title() {
        return "The idempotency key was used for another push";
    }
}
