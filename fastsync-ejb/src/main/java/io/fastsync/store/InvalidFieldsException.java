package io.fastsync.store;

/** An object's own fields do not fit its type (a wrong field type, a value the mapping refuses). */
public class InvalidFieldsException extends RuntimeException {

    public InvalidFieldsException(String message) {
        super(message);
    }
}
