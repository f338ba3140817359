package io.fastsync.client.store;

/** The local store could not be read or written (a database error, a file that cannot be opened). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
