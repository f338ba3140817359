package io.fastsync.entity;

import io.fastsync.wire.Limits;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The base a JPA entity extends to become syncable. It carries the id and the sync metadata
 * ({@link SyncColumns}); the entity's own persistent fields are its data, and are what clients see
 * besides the metadata.
 *
 * <p>FastSync sets the metadata: code that writes through {@link io.fastsync.repository.SyncableRepository} sets only
 * the id (or lets the repository draw one) and, for a restricted type, the zone.
 *
 * <p>The id is the table's primary key, so it is unique across zones: a push that names an id of
 * another zone is refused ({@code 409 zone-conflict}), which tells its sender that the id is
 * taken. Types without an entity class keep ids per zone instead.
 *
 * <p>The subclass's table needs an index on {@code (sync_zone, sync_version)} for pulls to be
 * index range scans; declare it with {@code @Table(indexes = @Index(columnList = "sync_zone, sync_version"))}.
 */
@MappedSuperclass
public abstract class SyncableObject extends SyncColumns {

    @Id
    @Column(name = "id", length = Limits.OBJECT_ID, nullable = false)
    private String id;

    @JsonbTransient
    @Column(name = "sync_zone", length = Limits.ZONE, nullable = false)
    private String syncZone;

    /** @return the object id; null until set or drawn by the repository */
    @JsonbTransient
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    @JsonbTransient
    public String getSyncZone() {
        return syncZone;
    }

    @Override
    public void setSyncZone(String syncZone) {
        this.syncZone = syncZone;
    }
}
