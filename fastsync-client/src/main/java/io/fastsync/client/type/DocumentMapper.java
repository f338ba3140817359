package io.fastsync.client.type;

import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The mapper of document types, whose objects are plain JSON objects: the document's
 * {@code "id"} key is the object id and every other key is a field.
 */
public final class DocumentMapper implements FieldMapper<JsonObject> {

    /** The one instance; it holds no state. */
    public static final DocumentMapper INSTANCE = new DocumentMapper();

    private DocumentMapper() {}

    @Override
    public String idOf(JsonObject document) {
        JsonValue id = document.get("id");
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (id instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException("a document's \"id\" must be a string, found " + id);
    }

    @Override
    public JsonObject toFields(JsonObject document) {
        JsonObjectBuilder fields = WireJson.objectBuilder();
        for (Map.Entry<String, JsonValue> e : document.entrySet()) {
            if (!e.getKey().equals("id")) {
                fields.add(e.getKey(), e.getValue());
            }
        }
        return fields.build();
    }

    @Override
    public JsonObject fromFields(String id, JsonObject fields) {
        return WireJson.objectBuilder()
                .add("id", id)
                .addAll(WireJson.objectBuilder(fields))
                .build();
    }
}
