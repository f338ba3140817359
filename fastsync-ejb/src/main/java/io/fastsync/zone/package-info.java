/**
 * Sync zones: which zone a type's objects belong to ({@link io.fastsync.zone.SyncZoneRestriction}),
 * the one authority that resolves a request's zone and admits its caller
 * ({@link io.fastsync.zone.ZoneAuthority}, used by push, pull and the application's repositories),
 * and who may use a zone ({@link io.fastsync.zone.ZoneAuthorizer}, an SPI with one default).
 */
package io.fastsync.zone;
