/**
 * The application's way to read and write syncable objects, so that every write is versioned and
 * reaches clients: {@link io.fastsync.repository.SyncableRepository}, one per type, from
 * {@code @Inject SyncableRepository<Item>} or {@link io.fastsync.repository.SyncableRepositories}.
 */
package io.fastsync.repository;
