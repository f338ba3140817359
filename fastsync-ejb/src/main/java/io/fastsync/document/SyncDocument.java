package io.fastsync.document;

import io.fastsync.entity.SyncColumns;
import io.fastsync.wire.Limits;
import io.fastsync.wire.RawJsonObject;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.util.Objects;

/**
 * One object of a type that has no entity class: its metadata in columns and its own fields as
 * one JSON document. All document types share one table; an id is unique within its type and
 * zone, so that objects of different zones never collide and no push learns of another zone's ids.
 */
@Entity
@Table(name = "fastsync_document")
@IdClass(SyncDocument.Key.class)
@NamedQuery(
        name = SyncDocument.CHANGES_SINCE,
        query = "SELECT NEW io.fastsync.document.SyncDocument(d.id,"
                + " d.syncVersion, d.syncTimestamp, d.syncOperation, d.deleted, d.syncMetadataId, d.body) FROM SyncDocument d"
                + " WHERE d.typeName = :type AND d.syncZone = :zone AND d.syncVersion > :after ORDER BY d.syncVersion")
public class SyncDocument extends SyncColumns {

    /**
     * A zone's changes after a version, built by constructor: plain objects, outside the
     * persistence context, which a pull only reads and sends. Named, so that it is prepared once.
     */
    static final String CHANGES_SINCE = "SyncDocument.changesSince";

    @Id
    @Column(name = "type_name", length = Limits.TYPE_NAME)
    private String typeName;

    @Id
    @Column(name = "sync_zone", length = Limits.ZONE)
    private String syncZone;

    @Id
    @Column(name = "id", length = Limits.OBJECT_ID)
    private String id;

    @Column(name = "body", nullable = false, columnDefinition = "TEXT")
    private String body;

    @Transient
    private JsonObject fields;

    protected SyncDocument() {}

    /**
     * A document that is not stored yet.
     *
     * @param fields the object's own fields; never null
     */
    public SyncDocument(String typeName, String id, String syncZone, JsonObject fields, boolean deleted) {
        this.typeName = typeName;
        this.id = id;
        setSyncZone(syncZone);
        stampSync(0, 0, 0, deleted);
        setFields(fields);
    }

    /**
     * A stored document as read for sending: not managed, not to be changed. Its type and zone,
     * which the query names, are not read again but set by {@link #identify}.
     */
    public SyncDocument(
            String id,
            long syncVersion,
            long syncTimestamp,
            int syncOperation,
            boolean deleted,
            String metadataId,
            String body) {
        this.id = id;
        stampSync(syncVersion, syncTimestamp, syncOperation, deleted);
        setSyncMetadataId(metadataId);
        this.body = body;
    }

    public String getTypeName() {
        return typeName;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getSyncZone() {
        return syncZone;
    }

    @Override
    public void setSyncZone(String syncZone) {
        this.syncZone = syncZone;
    }

    /** @return the object's own fields; never null. Read from the stored text when a member is first read. */
    public JsonObject getFields() {
        if (fields == null) {
            fields = new RawJsonObject(body);
        }
        return fields;
    }

    /** @return the fields as stored: JSON text */
    String body() {
        return body;
    }

    /** @param fields the object's own fields; never null */
    public final void setFields(JsonObject fields) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.body = fields.toString();
    }

    void identify(String typeName, String id, String syncZone) {
        this.typeName = typeName;
        this.id = id;
        setSyncZone(syncZone);
    }

    /** The primary key: type name, zone and id. */
    public static class Key implements Serializable {
        private String typeName;
        private String syncZone;
        private String id;

        public Key() {}

        public Key(String typeName, String syncZone, String id) {
            this.typeName = typeName;
            this.syncZone = syncZone;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(typeName, k.typeName)
                    && Objects.equals(syncZone, k.syncZone)
                    && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(typeName, syncZone, id);
        }
    }
}
