package io.fastsync.client;

import io.fastsync.client.pull.PullReport;
import io.fastsync.client.push.PushReport;

/**
 * What a {@link SyncManager#sync} or {@link SyncManager#hardReset} did.
 *
 * @param pulled      the first pull; never null
 * @param pushed      the push; {@link PushReport#NONE} if nothing was pushed; never null
 * @param pulledAgain the pull after the push, or null if the push made none necessary
 */
public record SyncReport(PullReport pulled, PushReport pushed, PullReport pulledAgain) {}
