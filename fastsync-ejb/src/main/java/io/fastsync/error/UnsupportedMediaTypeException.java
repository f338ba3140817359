package io.fastsync.error;

/** A body sent as a form encoding, which any web page can post without asking: never JSON for FastSync. */
public class UnsupportedMediaTypeException extends SyncRequestException {

    /** @param message what is wrong, for the caller */
    public UnsupportedMediaTypeException(String message) {
        super(Refusal.UNSUPPORTED_MEDIA_TYPE, null, null, null, message);
    }
}
