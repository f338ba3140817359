/**
 * The pull path. {@link io.fastsync.pull.PullService} is the entry: it reads the cursors
 * ({@link io.fastsync.pull.CursorReader}) and assembles one page of changes in version order
 * with the next cursors ({@link io.fastsync.pull.PageAssembler}). Pulls never write.
 */
package io.fastsync.pull;
