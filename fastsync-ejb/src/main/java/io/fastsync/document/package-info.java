/**
 * Types without code: each object's metadata in columns and its own fields as a JSON document,
 * in the shared table {@code fastsync_document}. The standalone server serves only such types;
 * an embedding application may mix them with its own entities.
 */
package io.fastsync.document;
