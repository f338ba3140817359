/**
 * Which types the server syncs: {@link io.fastsync.registry.SyncTypeRegistry}, filled by the
 * application in code ({@code setSyncableObject}), declaratively ({@link io.fastsync.registry.Syncable}),
 * or from configuration for document types. {@link io.fastsync.repository.SyncableRepositories} hands
 * out each type's repository.
 */
package io.fastsync.registry;
