/**
 * Configuration: every key with its default in {@link io.fastsync.config.FastSyncSettings}, read
 * through MicroProfile Config, and the registration of the document types a standalone server
 * serves ({@link io.fastsync.config.ConfiguredTypes}).
 */
package io.fastsync.config;
