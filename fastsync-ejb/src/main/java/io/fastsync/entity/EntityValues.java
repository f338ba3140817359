package io.fastsync.entity;

import io.fastsync.store.InvalidFieldsException;
import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncValues;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * The values of one syncable entity class: its own fields travel as JSON through JSON binding,
 * the sync columns as metadata.
 */
final class EntityValues<T extends SyncableObject> implements SyncValues<T> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Class<T> entityClass;

    EntityValues(Class<T> entityClass) {
        this.entityClass = entityClass;
    }

    @Override
    public Class<T> valueClass() {
        return entityClass;
    }

    @Override
    public SyncMeta meta(T value) {
        return value.syncMeta();
    }

    @Override
    public T fromWire(SyncObject object, String zone) {
        T value;
        try {
            value = JSONB.fromJson(object.fields().toString(), entityClass);
        } catch (JsonbException e) {
            throw new InvalidFieldsException(
                    "the fields do not fit type " + entityClass.getSimpleName() + ": " + rootMessage(e));
        }
        identify(value, object.id(), zone);
        value.setSyncMetadataId(object.metadata().id());
        return value;
    }

    @Override
    public SyncObject toWire(T value, String typeName) {
        SyncMeta m = meta(value);
        return new SyncObject(
                m.id(),
                m.deleted(),
                new SyncMetadata(
                        value.getSyncMetadataId() != null ? value.getSyncMetadataId() : m.id(),
                        typeName,
                        m.version(),
                        m.zone(),
                        m.timestamp(),
                        m.operation(),
                        null),
                fields(value));
    }

    @Override
    public boolean sameContent(T a, T b) {
        return a.isDeleted() == b.isDeleted() && fields(a).equals(fields(b));
    }

    private JsonObject fields(T value) {
        return WireJson.parseObject(JSONB.toJson(value));
    }

    @Override
    public void stamp(T value, long version, long timestamp, SyncOperation operation, boolean deleted) {
        value.stampSync(version, timestamp, operation.code(), deleted);
    }

    @Override
    public void identify(T value, String id, String zone) {
        value.setId(id);
        value.setSyncZone(zone);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
