/**
 * Syncable types and their storage: {@link io.fastsync.entity.SyncableObject} (the base of a
 * syncable JPA entity), {@link io.fastsync.entity.SyncStore} (what the engine needs of a type's
 * storage), {@link io.fastsync.entity.SyncableObjectDataSource} (its JPA implementation for an
 * entity class) and {@link io.fastsync.entity.SyncableRepository} (the way application code
 * reads and writes syncable objects, so that every write is versioned and reaches clients).
 *
 * <p>Nothing here decides conflicts or zones; that is the push pipeline's job.
 */
package io.fastsync.entity;
