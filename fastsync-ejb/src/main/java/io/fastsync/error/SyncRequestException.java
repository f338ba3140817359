package io.fastsync.error;

import io.fastsync.wire.Problem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request FastSync refuses, with what was wrong and where. Thrown inside a push, it rolls the
 * whole push back: nothing of it is written. Subclasses name each kind of refusal.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class SyncRequestException extends RuntimeException {

    private final List<Problem.Location> locations;

    protected SyncRequestException(String detail, List<Problem.Location> locations) {
        super(detail);
        this.locations = List.copyOf(locations);
    }

    /** @return the HTTP status that answers it */
    public abstract int status();

    /** @return the stable machine-readable code */
    public abstract String code();

    /** @return a short human summary of the code */
    public abstract String title();

    /** @return the answer clients receive */
    public Problem toProblem() {
        return new Problem(status(), code(), title(), getMessage(), locations);
    }

    protected static List<Problem.Location> at(String type, String id, String pointer, String message) {
        return List.of(new Problem.Location(type, id, pointer, message));
    }
}
