package io.fastsync.wire;

/**
 * A push.
 *
 * @param payload        the objects to apply, all or none
 * @param idempotencyKey a key the client keeps for retries of this same push; null from old clients
 *                       (the HTTP header {@code Idempotency-Key} may carry it instead)
 */
public record PushRequest(SyncPayload payload, String idempotencyKey) {

    /**
     * The one rule for an idempotency key, wherever it came from.
     *
     * @param key     may be null (no key)
     * @param pointer where the key stood, for the refusal ({@code ""} for a header)
     * @param what    how the refusal names the key, e.g. {@code "the Idempotency-Key header"}; empty
     *                where the pointer names it
     * @return the key
     * @throws WireFormatException if the key is blank or longer than {@value Limits#IDEMPOTENCY_KEY} characters
     */
    public static String checkedKey(String key, String pointer, String what) {
        if (key != null && (key.isBlank() || key.length() > Limits.IDEMPOTENCY_KEY)) {
            throw new WireFormatException(
                    pointer,
                    (what.isEmpty() ? "" : what + " ") + "must have 1 to " + Limits.IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }
}
