/**
 * The storage SPI: {@link io.fastsync.store.SyncStore}, what the engine needs of a type's storage,
 * and the values it speaks in ({@link io.fastsync.store.SyncMeta}). Its implementations are
 * {@link io.fastsync.entity.SyncableObjectDataSource} for JPA entities and
 * {@link io.fastsync.document.DocumentDataSource} for documents; {@link io.fastsync.store.IdChunks}
 * is for implementations that read many ids at once.
 */
package io.fastsync.store;
