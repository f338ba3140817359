package io.fastsync.error;

import io.fastsync.wire.Problem;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A request FastSync refuses, with what was wrong and where. Thrown inside a push, it rolls the
 * whole push back: nothing of it is written. Subclasses name each kind of refusal.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class SyncRequestException extends RuntimeException {

    private final Refusal refusal;
    private final List<Problem.Location> locations;
    private final Map<String, List<String>> zones;

    /**
     * @param type    the type the refusal is about; may be null
     * @param id      the object it is about; may be null
     * @param pointer where in the request body (JSON Pointer); may be null
     * @param message what is wrong there
     */
    protected SyncRequestException(Refusal refusal, String type, String id, String pointer, String message) {
        this(refusal, type, id, pointer, message, Map.of());
    }

    /** @param zones for each type refused, the zones of it the caller may use (see {@link Problem#zones()}) */
    protected SyncRequestException(
            Refusal refusal, String type, String id, String pointer, String message, Map<String, List<String>> zones) {
        super(message);
        this.refusal = refusal;
        this.locations = List.of(new Problem.Location(type, id, pointer, message));
        this.zones = Map.copyOf(zones);
    }

    /** @return which refusal this is: its status, code and title */
    public Refusal refusal() {
        return refusal;
    }

    /** @return the answer clients receive */
    public Problem toProblem() {
        return new Problem(refusal.status(), refusal.code(), refusal.title(), getMessage(), locations, zones);
    }
}
