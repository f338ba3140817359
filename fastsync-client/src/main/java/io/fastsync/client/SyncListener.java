package io.fastsync.client;

import io.fastsync.wire.ObjectResult;
import java.util.Set;

/**
 * What a {@link SyncManager} tells as it syncs, by plain calls and in live mode alike; added with
 * {@link SyncManager#addListener}. Called on the thread that syncs, after what it tells of is
 * stored; a listener should return quickly, and what it throws is logged and otherwise ignored.
 */
public interface SyncListener {

    /**
     * A pull page changed these local objects of a type (its unpushed local changes are never
     * among them: a pull leaves those alone).
     *
     * @param changed the ids added or replaced by the server's copy
     * @param deleted the ids deleted by the server
     */
    default void pulled(String type, Set<String> changed, Set<String> deleted) {}

    /**
     * The server settled a conflict over one of this client's pushed objects: its copy had changed
     * since the client last saw it. {@code result.winner()} says whose copy won, and
     * {@code result.strategy()} by which rule.
     */
    default void conflictSettled(String type, ObjectResult result) {}

    /**
     * A push batch was answered.
     *
     * @param batches how many batches this push has had answered so far
     * @param objects how many objects they held
     * @param pending how many objects were pending when the push began, for a fraction
     */
    default void pushProgress(int batches, long objects, long pending) {}
}
