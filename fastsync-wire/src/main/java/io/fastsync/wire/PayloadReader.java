package io.fastsync.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers share: the payload that a push and a pull answer both carry, each object and
 * its metadata, and the typed access to fields that names the first offending place.
 */
final class PayloadReader {

    private PayloadReader() {}

    static SyncPayload readPayload(JsonObject body, String base) {
        JsonValue dataValue = body.get("data");
        if (dataValue == null) {
            throw new WireFormatException(base + "/data", "is required: objects by type");
        }
        JsonObject data = object(dataValue, base + "/data", "objects by type");
        Map<String, List<SyncObject>> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : data.entrySet()) {
            String type = entry.getKey();
            String pointer = base + "/data/" + WireJson.escape(type);
            checkTypeName(type, pointer);
            JsonArray array = array(entry.getValue(), pointer, "a list of objects of type " + type);
            List<SyncObject> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(readObject(array.get(i), type, pointer + "/" + i));
            }
            objects.put(type, list);
        }
        Map<String, SyncMetadata> metadata = Map.of();
        JsonValue opValue = body.get("operationMetadata");
        if (opValue != null && opValue.getValueType() != JsonValue.ValueType.NULL) {
            String pointer = base + "/operationMetadata";
            JsonObject op = object(opValue, pointer, "per-type metadata");
            JsonValue inner = op.get("metadata");
            if (inner != null && inner.getValueType() != JsonValue.ValueType.NULL) {
                metadata = readTypeMetadata(
                        object(inner, pointer + "/metadata", "per-type metadata"), pointer + "/metadata");
            }
        }
        return new SyncPayload(objects, metadata);
    }

    static Map<String, SyncMetadata> readTypeMetadata(JsonObject byType, String pointer) {
        Map<String, SyncMetadata> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : byType.entrySet()) {
            String type = entry.getKey();
            String p = pointer + "/" + WireJson.escape(type);
            checkTypeName(type, p);
            JsonObject m = object(entry.getValue(), p, "the metadata of type " + type);
            String declaredType = optionalString(m, "type", p + "/type");
            if (declaredType != null && !declaredType.equals(type)) {
                throw new WireFormatException(
                        p + "/type", "says '" + declaredType + "' under the key '" + type + "'", type, null);
            }
            long version = m.containsKey("version") && !m.isNull("version")
                    ? Numbers.wholeNumber(m.get("version"), p + "/version")
                    : 0L;
            if (version < 0) {
                throw new WireFormatException(p + "/version", "must not be negative", type, null);
            }
            long timestamp = m.containsKey("timestamp") && !m.isNull("timestamp")
                    ? Numbers.timestampMicros(m.get("timestamp"), p + "/timestamp")
                    : 0L;
            SyncOperation op = SyncOperation.NONE;
            if (m.containsKey("syncOperation") && !m.isNull("syncOperation")) {
                op = operation(m.get("syncOperation"), p + "/syncOperation", type, null);
            }
            result.put(
                    type,
                    new SyncMetadata(
                            optionalString(m, "id", p + "/id"),
                            type,
                            version,
                            optionalString(m, "syncZone", p + "/syncZone"),
                            timestamp,
                            op,
                            null));
        }
        return result;
    }

    static SyncObject readObject(JsonValue value, String type, String pointer) {
        JsonObject o = object(value, pointer, "an object of type " + type);
        JsonValue idValue = o.get("id");
        if (!(idValue instanceof JsonString idString) || idString.getString().isBlank()) {
            throw new WireFormatException(pointer + "/id", "is required: a non-empty string", type, null);
        }
        String id = idString.getString();
        if (id.length() > Limits.OBJECT_ID) {
            throw new WireFormatException(
                    pointer + "/id", "must have at most " + Limits.OBJECT_ID + " characters", type, null);
        }
        try {
            boolean deleted = false;
            JsonValue deletedValue = o.get("deleted");
            if (deletedValue != null && deletedValue.getValueType() != JsonValue.ValueType.NULL) {
                if (deletedValue != JsonValue.TRUE && deletedValue != JsonValue.FALSE) {
                    throw new WireFormatException(
                            pointer + "/deleted", "must be true or false, found " + Numbers.describe(deletedValue));
                }
                deleted = deletedValue == JsonValue.TRUE;
            }
            JsonValue metadataValue = o.get("metadata");
            if (metadataValue == null || metadataValue.getValueType() == JsonValue.ValueType.NULL) {
                throw new WireFormatException(pointer + "/metadata", "is required");
            }
            String metadataId = bookkeepingId(o.get("metadataId"));
            SyncMetadata metadata = readObjectMetadata(
                    object(metadataValue, pointer + "/metadata", "the object's metadata"),
                    type,
                    id,
                    metadataId,
                    pointer + "/metadata");
            JsonObjectBuilder fields = WireJson.objectBuilder();
            for (Map.Entry<String, JsonValue> field : o.entrySet()) {
                if (!WireJson.RESERVED_OBJECT_KEYS.contains(field.getKey())
                        && !WireJson.IGNORED_OBJECT_KEYS.contains(field.getKey())) {
                    fields.add(field.getKey(), field.getValue());
                }
            }
            return new SyncObject(id, deleted, metadata, RawJsonObject.of(fields.build()));
        } catch (WireFormatException e) {
            if (e.objectId() != null) {
                throw e;
            }
            throw new WireFormatException(e.pointer(), e.getMessage(), type, id);
        }
    }

    /**
     * @param metadataId the object's {@code metadataId}, which clients set to their metadata's id; may be null
     */
    static SyncMetadata readObjectMetadata(JsonObject m, String type, String id, String metadataId, String pointer) {
        // The client's own id for its metadata record: a fresh UUID each time the client saves
        // the metadata, never the object's id. Kept and returned as it came, never checked.
        String metaId = bookkeepingId(m.get("id"));
        if (metaId == null) {
            metaId = metadataId != null ? metadataId : id;
        }
        String metaType = optionalString(m, "type", pointer + "/type");
        if (metaType != null && !metaType.equals(type)) {
            throw new WireFormatException(
                    pointer + "/type", "is '" + metaType + "' but the object is listed under '" + type + "'");
        }
        if (!m.containsKey("version") || m.isNull("version")) {
            throw new WireFormatException(pointer + "/version", "is required");
        }
        long version = Numbers.wholeNumber(m.get("version"), pointer + "/version");
        if (version < 0) {
            throw new WireFormatException(pointer + "/version", "must not be negative");
        }
        if (!m.containsKey("syncOperation") || m.isNull("syncOperation")) {
            throw new WireFormatException(pointer + "/syncOperation", "is required: 0 add, 1 update or 2 delete");
        }
        SyncOperation op = operation(m.get("syncOperation"), pointer + "/syncOperation", type, id);
        if (op == SyncOperation.NONE) {
            throw new WireFormatException(
                    pointer + "/syncOperation", "must be 0 add, 1 update or 2 delete for an object");
        }
        long timestamp = m.containsKey("timestamp") && !m.isNull("timestamp")
                ? Numbers.timestampMicros(m.get("timestamp"), pointer + "/timestamp")
                : 0L;
        Long base = null;
        if (m.containsKey("baseVersion") && !m.isNull("baseVersion")) {
            base = Numbers.wholeNumber(m.get("baseVersion"), pointer + "/baseVersion");
            if (base < 0) {
                throw new WireFormatException(pointer + "/baseVersion", "must not be negative");
            }
        }
        return new SyncMetadata(
                metaId, type, version, optionalString(m, "syncZone", pointer + "/syncZone"), timestamp, op, base);
    }

    /**
     * A client's bookkeeping id, kept when it is a string that fits the store; anything else
     * (a number, an object, an empty or over-long string, one with a NUL) is dropped, never refused.
     */
    static String bookkeepingId(JsonValue value) {
        if (value instanceof JsonString s
                && !s.getString().isEmpty()
                && s.getString().length() <= Limits.METADATA_ID
                && s.getString().indexOf(0) < 0) {
            return s.getString();
        }
        return null;
    }

    static SyncOperation operation(JsonValue value, String pointer, String type, String id) {
        long code = Numbers.wholeNumber(value, pointer);
        SyncOperation op = SyncOperation.ofCode(code);
        if (op == null) {
            throw new WireFormatException(
                    pointer, "must be 0 add, 1 update, 2 delete or 999 none, found " + code, type, id);
        }
        return op;
    }

    static void checkTypeName(String type, String pointer) {
        if (type.isEmpty() || type.length() > Limits.TYPE_NAME) {
            throw new WireFormatException(pointer, "a type name must have 1 to " + Limits.TYPE_NAME + " characters");
        }
    }

    static JsonObject object(JsonValue value, String pointer, String what) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new WireFormatException(
                pointer, "must be a JSON object (" + what + "), found " + Numbers.describe(value));
    }

    static JsonArray array(JsonValue value, String pointer, String what) {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw new WireFormatException(pointer, "must be a JSON array (" + what + "), found " + Numbers.describe(value));
    }

    static String optionalString(JsonObject o, String key, String pointer) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new WireFormatException(pointer, "must be a string, found " + Numbers.describe(v));
    }

    static String requiredString(JsonObject o, String key, String pointer) {
        String s = optionalString(o, key, pointer);
        if (s == null) {
            throw new WireFormatException(pointer, "is required");
        }
        return s;
    }
}
