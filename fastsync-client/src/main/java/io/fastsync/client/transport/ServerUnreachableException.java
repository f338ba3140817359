package io.fastsync.client.transport;

/**
 * No answer arrived: the connection was refused or timed out, the name did not resolve, the
 * request timed out, or the connection broke. The server may or may not have acted on the request.
 */
public class ServerUnreachableException extends SyncTransportException {

    /**
     * @param message says which address and why, in one line; never null
     * @param cause   the I/O failure; may be null
     */
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
