/**
 * The refusals of the sync engine: one exception type per kind, each with its HTTP status and
 * problem code, all rolling the current transaction back. The JAX-RS edge turns them into
 * problem answers; nothing here knows about HTTP beyond the status number.
 */
package io.fastsync.error;
