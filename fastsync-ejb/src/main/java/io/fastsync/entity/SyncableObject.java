package io.fastsync.entity;

import io.fastsync.wire.Limits;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The base a JPA entity extends to become syncable. It carries the sync metadata; the entity's
 * own persistent fields are its data, and are what clients see besides the metadata.
 *
 * <p>FastSync sets the metadata: code that writes through {@link SyncableRepository} sets only
 * the id (or lets the repository draw one) and, for a restricted type, the zone. The metadata
 * getters are hidden from JSON binding, because the wire format carries them separately.
 *
 * <p>The subclass's table needs an index on {@code (sync_zone, sync_version)} for pulls to be
 * index range scans; declare it with {@code @Table(indexes = @Index(columnList = "sync_zone, sync_version"))}.
 */
@MappedSuperclass
public abstract class SyncableObject {

    @Id
    @Column(name = "id", length = Limits.OBJECT_ID, nullable = false)
    private String id;

    @Column(name = "sync_zone", length = Limits.ZONE, nullable = false)
    private String syncZone;

    @Column(name = "sync_version", nullable = false)
    private long syncVersion;

    @Column(name = "sync_timestamp", nullable = false)
    private long syncTimestamp;

    @Column(name = "sync_operation", nullable = false)
    private int syncOperation;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    /** The id that the client that last pushed the object gave its metadata record; null if none ever did. */
    @Column(name = "sync_metadata_id", length = Limits.METADATA_ID)
    private String syncMetadataId;

    /** @return the object id; null until set or drawn by the repository */
    @JsonbTransient
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** @return the zone; for a global type always {@code "Global"} once stored; null before */
    @JsonbTransient
    public String getSyncZone() {
        return syncZone;
    }

    public void setSyncZone(String syncZone) {
        this.syncZone = syncZone;
    }

    /** @return the version of the last change, unique within the type and zone; 0 before storing */
    @JsonbTransient
    public long getSyncVersion() {
        return syncVersion;
    }

    /** @return time of the last change in microseconds since the epoch, as the writer reported it */
    @JsonbTransient
    public long getSyncTimestamp() {
        return syncTimestamp;
    }

    /** @return the operation code of the last change: 0 add, 1 update, 2 delete */
    @JsonbTransient
    public int getSyncOperation() {
        return syncOperation;
    }

    /** @return true when the object is a tombstone */
    @JsonbTransient
    public boolean isDeleted() {
        return deleted;
    }

    /**
     * @return the id that the client that last pushed the object gave its metadata record (old
     * clients make a fresh one each time they save it), returned to clients as it came; null if
     * no client ever pushed the object
     */
    @JsonbTransient
    public String getSyncMetadataId() {
        return syncMetadataId;
    }

    void setSyncMetadataId(String syncMetadataId) {
        this.syncMetadataId = syncMetadataId;
    }

    /** Sets the metadata of a change; called by FastSync only. */
    public void stampSync(long version, long timestamp, int operation, boolean deleted) {
        this.syncVersion = version;
        this.syncTimestamp = timestamp;
        this.syncOperation = operation;
        this.deleted = deleted;
    }
}
