package io.fastsync.client.transport;

/**
 * An exchange with the server failed. The subclasses say how: no answer, an error answer, or an
 * answer that is not FastSync's.
 */
public abstract class SyncTransportException extends RuntimeException {

    protected SyncTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
