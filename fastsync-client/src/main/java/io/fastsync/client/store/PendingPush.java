package io.fastsync.client.store;

import io.fastsync.wire.PushRequest;
import java.util.Map;

/**
 * A push that was built and may have been sent, but whose answer has not been recorded. It is
 * stored before it is sent, so that after a failure (or a crash) the very same request, with the
 * same idempotency key, is sent again: if the server did apply it, it replays its first answer.
 *
 * @param request   the request exactly as sent, idempotency key included; never null
 * @param revisions per type and object id, the object's revision when the push was built; never null
 */
public record PendingPush(PushRequest request, Map<String, Map<String, Long>> revisions) {

    /** @return the revision the pushed copy of this object had, or null if the push did not hold it */
    public Long revisionOf(String type, String id) {
        Map<String, Long> byId = revisions.get(type);
        return byId == null ? null : byId.get(id);
    }

    /** @return how many objects the push holds */
    public int size() {
        return revisions.values().stream().mapToInt(Map::size).sum();
    }

    /** @return true if the push holds objects of this type */
    public boolean holdsType(String type) {
        return revisions.containsKey(type);
    }
}
