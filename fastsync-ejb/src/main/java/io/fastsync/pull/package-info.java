/**
 * The pull path. {@link io.fastsync.pull.PullService#pull} is the entry, one step per line: it
 * reads the cursors ({@link io.fastsync.pull.CursorReader}, which admits each zone through the
 * zone authority), admits them against the zones' counters and histories
 * ({@link io.fastsync.pull.CursorAdmission}), reads one page of changes in version order with the
 * next cursors ({@link io.fastsync.pull.PageReader}), and checks the cursors against the purges
 * once more. Pulls never write.
 */
package io.fastsync.pull;
