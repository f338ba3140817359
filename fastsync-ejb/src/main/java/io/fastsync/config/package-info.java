/**
 * Configuration: every key with its default in {@link io.fastsync.config.FastSyncSettings}, engine
 * and per-type settings alike, read once through MicroProfile Config and injectable.
 */
package io.fastsync.config;
