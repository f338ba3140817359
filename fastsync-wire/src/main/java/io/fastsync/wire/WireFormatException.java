package io.fastsync.wire;

/**
 * A message that does not have the FastSync shape: the JSON Pointer of the first offence and,
 * where it lies inside one type or one object, their names.
 */
public class WireFormatException extends RuntimeException {

    private final String pointer;
    private final String type;
    private final String objectId;

    public WireFormatException(String pointer, String message) {
        this(pointer, message, null, null);
    }

    public WireFormatException(String pointer, String message, String type, String objectId) {
        super(message);
        this.pointer = pointer;
        this.type = type;
        this.objectId = objectId;
    }

    /** @return JSON Pointer of the offending value, {@code ""} for the whole document; never null */
    public String pointer() {
        return pointer;
    }

    /** @return the type the offence lies in, or null */
    public String type() {
        return type;
    }

    /** @return the id of the object the offence lies in, or null */
    public String objectId() {
        return objectId;
    }
}
