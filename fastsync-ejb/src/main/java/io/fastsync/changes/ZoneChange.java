package io.fastsync.changes;

/**
 * A zone of a type reached a new version: the changes up to {@code version} are committed and a
 * pull from an older cursor returns them.
 *
 * @param type    the type's name
 * @param zone    the zone; empty for a global type
 * @param version the zone's last version
 */
public record ZoneChange(String type, String zone, long version) {}
