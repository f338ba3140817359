/**
 * Versions and the counters that hand them out: one row per (type, zone), locked by a writer
 * for its whole transaction. {@link io.fastsync.internal.version.VersionCounters} explains why this keeps
 * pull cursors from skipping changes. Nothing else in FastSync may compute a version.
 */
package io.fastsync.internal.version;
