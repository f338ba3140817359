/**
 * Live changes: {@link io.fastsync.changes.ChangeFeed} tells subscribers when a zone they wait
 * for passes their cursor, for commits of this instance and, through
 * {@link io.fastsync.changes.PostgresChangeRelay}, of every instance on one PostgreSQL.
 */
package io.fastsync.changes;
