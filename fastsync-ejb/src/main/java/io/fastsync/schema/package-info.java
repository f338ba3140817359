/**
 * FastSync's own tables and their versioned upgrades ({@link io.fastsync.schema.Schema}), run at
 * start-up by {@link io.fastsync.schema.SchemaMigration}. Schema generation is never relied on.
 */
package io.fastsync.schema;
