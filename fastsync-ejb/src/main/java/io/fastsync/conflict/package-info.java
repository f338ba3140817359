/**
 * Conflicts and their strategies. A conflict is a push of an object whose server copy changed
 * since the client last saw it; {@link io.fastsync.conflict.ConflictsHandler} settles it by the
 * type's strategy. Detecting conflicts is the push pipeline's job
 * (the push path's conflict detector); a resolved conflict is a result, not an exception.
 */
package io.fastsync.conflict;
