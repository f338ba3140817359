package io.fastsync.wire;

import java.util.List;
import java.util.Map;

/**
 * An error answer, in the shape of RFC 9457 problem details, plus {@code "success": false} for
 * old clients.
 *
 * @param status HTTP status
 * @param code   a stable machine-readable name, such as {@code invalid-field}
 * @param title  a short human summary of the code
 * @param detail what was wrong in this request
 * @param errors where: one entry per offending place; may be empty, never null
 * @param zones  with {@code zone-forbidden}: for each type refused, the zones of it the caller may
 *               use now (empty when none), where the server can say; empty otherwise, never null
 */
public record Problem(
        int status, String code, String title, String detail, List<Location> errors, Map<String, List<String>> zones) {

    public Problem {
        errors = List.copyOf(errors);
        zones = Map.copyOf(zones);
    }

    /** A problem that names no zones. */
    public Problem(int status, String code, String title, String detail, List<Location> errors) {
        this(status, code, title, detail, errors, Map.of());
    }

    /**
     * One offending place.
     *
     * @param type    the type name, or null where the error is not about one type
     * @param id      the object id, or null where the error is not about one object
     * @param pointer JSON Pointer into the request body, or null
     * @param message what is wrong there
     */
    public record Location(String type, String id, String pointer, String message) {}
}
