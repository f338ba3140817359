/**
 * The command-line tool: {@link io.fastsync.client.cli.FastSyncCli} is the main class of the
 * runnable jar, and {@link io.fastsync.client.cli.FastSyncCommand} declares its commands and
 * options for picocli, which parses them. It works on document types over a durable H2 store, and turns every failure into
 * one readable line on stderr and a non-zero exit code. It uses the public client API only.
 */
package io.fastsync.client.cli;
