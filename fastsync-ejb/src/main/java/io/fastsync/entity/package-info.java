/**
 * Syncable JPA entities: {@link io.fastsync.entity.SyncableObject}, the base an application's entity
 * extends; {@link io.fastsync.entity.SyncColumns}, the sync metadata columns it shares with
 * documents, mapped once; and {@link io.fastsync.entity.SyncableObjectDataSource}, the storage of one
 * entity class (the {@link io.fastsync.store.SyncStore} for entities).
 *
 * <p>Nothing here decides conflicts or zones; that is the push pipeline's job.
 */
package io.fastsync.entity;
