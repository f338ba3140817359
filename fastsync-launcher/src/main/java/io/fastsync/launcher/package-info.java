/**
 * The standalone server's main class ({@link io.fastsync.launcher.Launch}), which
 * {@code bin/fastsync-server} runs on Payara Micro's class path.
 */
package io.fastsync.launcher;
