package io.fastsync.zone;

/**
 * What a caller asks of a zone.
 *
 * @param typeName    the type's name
 * @param restriction whether the type is synced per zone or shared by everyone
 * @param zone        the zone: {@value SyncZoneRestriction#GLOBAL_ZONE} for a global type
 * @param access      read or write
 */
public record ZoneRequest(String typeName, SyncZoneRestriction restriction, String zone, ZoneAccess access) {}
