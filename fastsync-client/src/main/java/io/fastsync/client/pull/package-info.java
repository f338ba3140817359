/**
 * Receiving changes: {@link io.fastsync.client.pull.Puller} asks for the changes above each type's
 * cursor and follows the pages while the server says {@code hasMore};
 * {@link io.fastsync.client.pull.PageApplier} merges each page into the store in one transaction,
 * cursors included, so a crash never leaves a cursor past an object that was not stored.
 *
 * <p>The rule that old clients broke lives here: a pull never overwrites an object with a change
 * not yet pushed, and does not move its base version either, so the push that follows is seen by
 * the server as the conflict it is.
 */
package io.fastsync.client.pull;
