/**
 * FastSync's own tables and their versioned upgrades ({@link io.fastsync.internal.schema.Schema}), run at
 * start-up by {@link io.fastsync.internal.schema.SchemaMigration}. Schema generation is never relied on.
 */
package io.fastsync.internal.schema;
