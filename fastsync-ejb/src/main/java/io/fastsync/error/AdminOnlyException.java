package io.fastsync.error;

/** A call of the admin API by a caller who is not an administrator. */
public class AdminOnlyException extends SyncRequestException {

    public AdminOnlyException(String message) {
        super(Refusal.ADMIN_ONLY, null, null, null, message);
    }
}
