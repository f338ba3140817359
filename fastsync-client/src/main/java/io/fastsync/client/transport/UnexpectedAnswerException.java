package io.fastsync.client.transport;

/**
 * The server answered with success, but the answer is not a FastSync message (a proxy's page, a
 * body the wire codec rejects, a pull that claims more pages but makes no progress).
 */
public class UnexpectedAnswerException extends SyncTransportException {

    /**
     * @param message what was wrong, in one line; never null
     * @param cause   the parse failure; may be null
     */
    public UnexpectedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
