package io.fastsync.document;

import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncValues;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;

/** The values of one document type: the fields are kept as the client sent them. */
final class DocumentValues implements SyncValues<SyncDocument> {

    private final String typeName;

    DocumentValues(String typeName) {
        this.typeName = typeName;
    }

    @Override
    public Class<SyncDocument> valueClass() {
        return SyncDocument.class;
    }

    @Override
    public SyncMeta meta(SyncDocument d) {
        return d.syncMeta();
    }

    @Override
    public SyncDocument fromWire(SyncObject object, String zone) {
        SyncDocument d = new SyncDocument(typeName, object.id(), zone, object.fields(), object.deleted());
        d.setSyncMetadataId(object.metadata().id());
        return d;
    }

    @Override
    public SyncObject toWire(SyncDocument d, String type) {
        return new SyncObject(
                d.getId(),
                d.isDeleted(),
                new SyncMetadata(
                        d.getSyncMetadataId() != null ? d.getSyncMetadataId() : d.getId(),
                        type,
                        d.getSyncVersion(),
                        d.getSyncZone(),
                        d.getSyncTimestamp(),
                        SyncOperation.ofCode(d.getSyncOperation()),
                        null),
                d.getFields());
    }

    @Override
    public boolean sameContent(SyncDocument a, SyncDocument b) {
        // Equal text is equal content, and most comparisons end there without parsing either side.
        return a.isDeleted() == b.isDeleted()
                && (a.body().equals(b.body()) || a.getFields().equals(b.getFields()));
    }

    @Override
    public void stamp(SyncDocument d, long version, long timestamp, SyncOperation operation, boolean deleted) {
        d.stampSync(version, timestamp, operation.code(), deleted);
    }

    @Override
    public void identify(SyncDocument d, String id, String zone) {
        d.identify(typeName, id, zone);
    }
}
