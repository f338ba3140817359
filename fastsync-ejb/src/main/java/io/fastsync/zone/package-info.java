/**
 * Sync zones: which zone a type's objects belong to ({@link io.fastsync.zone.SyncZoneRestriction})
 * and who may use a zone ({@link io.fastsync.zone.ZoneAuthorizer}, an SPI with one default).
 * The zone walls themselves are enforced by the push and pull pipelines.
 */
package io.fastsync.zone;
