/**
 * The pull path. {@link io.fastsync.pull.PullService#pull} is the entry: it reads the cursors
 * ({@link io.fastsync.pull.CursorReader}, which admits each zone through the zone authority) and
 * assembles one page of changes in version order with the next cursors
 * ({@link io.fastsync.pull.PageAssembler}). Pulls never write.
 */
package io.fastsync.pull;
