package io.fastsync.entity;

import io.fastsync.store.SyncMeta;
import io.fastsync.wire.Limits;
import io.fastsync.wire.SyncOperation;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The sync metadata columns, mapped once for every stored syncable object: the application's
 * entities ({@link SyncableObject}) and the documents of types without an entity class
 * ({@link io.fastsync.document.SyncDocument}). FastSync sets them; they are hidden from JSON
 * binding, because the wire format carries them as metadata, apart from the object's fields.
 */
@MappedSuperclass
public abstract class SyncColumns {

    @JsonbTransient
    @Column(name = "sync_version", nullable = false)
    private long syncVersion;

    @JsonbTransient
    @Column(name = "sync_timestamp", nullable = false)
    private long syncTimestamp;

    @JsonbTransient
    @Column(name = "sync_operation", nullable = false)
    private int syncOperation;

    @JsonbTransient
    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    /** The id that the client that last pushed the object gave its metadata record; null if none ever did. */
    @JsonbTransient
    @Column(name = "sync_metadata_id", length = Limits.METADATA_ID)
    private String syncMetadataId;

    /**
     * @return the zone; for a global type always {@code "Global"} once stored; null before. Mapped
     *         by the subclass, because a document's zone is part of its key and an entity's is not.
     */
    @JsonbTransient
    public abstract String getSyncZone();

    public abstract void setSyncZone(String syncZone);

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

    /** Keeps the pushing client's metadata id; called by FastSync only. */
    public void setSyncMetadataId(String syncMetadataId) {
        this.syncMetadataId = syncMetadataId;
    }

    /** @return the object's id: unique within its type and zone (documents) or within its type (entities) */
    public abstract String getId();

    /** @return the sync metadata of this row, as the engine reads it */
    public SyncMeta syncMeta() {
        return new SyncMeta(
                getId(),
                getSyncZone(),
                getSyncVersion(),
                syncTimestamp,
                SyncOperation.ofCode(getSyncOperation()),
                isDeleted());
    }

    /** Sets the metadata of a change; called by FastSync only. */
    public void stampSync(long version, long timestamp, int operation, boolean deleted) {
        this.syncVersion = version;
        this.syncTimestamp = timestamp;
        this.syncOperation = operation;
        this.deleted = deleted;
    }
}
