package io.fastsync.rest.error;

/** The request body is not JSON at all. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
