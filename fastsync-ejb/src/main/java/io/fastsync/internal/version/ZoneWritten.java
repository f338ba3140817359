package io.fastsync.internal.version;

import io.fastsync.changes.ZoneChange;

/**
 * A transaction took versions of a zone. Fired once per locked sequence, when it hands out its
 * first version; the zone's last version is read when an observer asks, so that an observer
 * after the commit sees the transaction's last one.
 */
public final class ZoneWritten {

    private final VersionCounter row;

    ZoneWritten(VersionCounter row) {
        this.row = row;
    }

    /** @return the zone and its last version as this transaction leaves it */
    public ZoneChange change() {
        return new ZoneChange(row.getTypeName(), row.getSyncZone(), row.getLastVersion());
    }
}
