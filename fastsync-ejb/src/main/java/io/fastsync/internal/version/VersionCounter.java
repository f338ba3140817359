package io.fastsync.internal.version;

import io.fastsync.wire.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The last version handed out in one (type, zone). One row per zone of each type. */
@Entity
@Table(name = "fastsync_version")
@IdClass(VersionCounter.Key.class)
public class VersionCounter {

    @Id
    @Column(name = "type_name", length = Limits.TYPE_NAME)
    private String typeName;

    @Id
    @Column(name = "sync_zone", length = Limits.ZONE)
    private String syncZone;

    @Column(name = "last_version", nullable = false)
    private long lastVersion;

    @Column(name = "purged_through", nullable = false)
    private long purgedThrough;

    @Column(name = "marked_at", nullable = false)
    private long markedAt;

    protected VersionCounter() {}

    public VersionCounter(String typeName, String syncZone) {
        this.typeName = typeName;
        this.syncZone = syncZone;
    }

    /** @return the highest version among the zone's purged tombstones; 0 if none was purged */
    public long getPurgedThrough() {
        return purgedThrough;
    }

    public String getTypeName() {
        return typeName;
    }

    public String getSyncZone() {
        return syncZone;
    }

    void setPurgedThrough(long purgedThrough) {
        this.purgedThrough = purgedThrough;
    }

    /** @return when the zone's newest mark was made (microseconds); 0 if it has none */
    public long getMarkedAt() {
        return markedAt;
    }

    void setMarkedAt(long markedAt) {
        this.markedAt = markedAt;
    }

    public long getLastVersion() {
        return lastVersion;
    }

    void setLastVersion(long lastVersion) {
        this.lastVersion = lastVersion;
    }

    /** Primary key: type name and zone, ordered by type then zone (the order locks are taken in). */
    public static class Key implements Serializable, Comparable<Key> {
        private String typeName;
        private String syncZone;

        public Key() {}

        public Key(String typeName, String syncZone) {
            this.typeName = Objects.requireNonNull(typeName);
            this.syncZone = Objects.requireNonNull(syncZone);
        }

        public String typeName() {
            return typeName;
        }

        public String syncZone() {
            return syncZone;
        }

        @Override
        public int compareTo(Key o) {
            int byType = typeName.compareTo(o.typeName);
            return byType != 0 ? byType : syncZone.compareTo(o.syncZone);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && typeName.equals(k.typeName) && syncZone.equals(k.syncZone);
        }

        @Override
        public int hashCode() {
            return Objects.hash(typeName, syncZone);
        }

        @Override
        public String toString() {
            return typeName + "/" + syncZone;
        }
    }
}
