package io.fastsync.wire;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Reads what clients send: a push and a pull. Each reader takes a parsed {@link JsonValue} and
 * either returns the record or throws a {@link WireFormatException} naming the first offending
 * place (JSON Pointer, type and object id where known).
 */
public final class RequestReader {

    private RequestReader() {}

    /** Reads a push body: {@code {"data": {...}, "operationMetadata": {"metadata": {...}}}}. */
    public static PushRequest readPush(JsonValue root) {
        JsonObject body = PayloadReader.object(root, "", "the push body");
        SyncPayload payload = PayloadReader.readPayload(body, "");
        String key = PushRequest.checkedKey(
                PayloadReader.optionalString(body, "idempotencyKey", "/idempotencyKey"), "/idempotencyKey", "");
        return new PushRequest(payload, key);
    }

    /** Reads a pull body: {@code {"metadata": {"Item": {...cursor}}}}. */
    public static PullRequest readPull(JsonValue root) {
        JsonObject body = PayloadReader.object(root, "", "the pull body");
        JsonValue metadataValue = body.get("metadata");
        if (metadataValue == null) {
            throw new WireFormatException("/metadata", "is required: one cursor per type");
        }
        Map<String, SyncMetadata> cursors = cursors(metadataValue);
        Integer limit = null;
        JsonValue limitValue = body.get("limit");
        if (limitValue != null && limitValue.getValueType() != JsonValue.ValueType.NULL) {
            long l = Numbers.wholeNumber(limitValue, "/limit");
            if (l < 1 || l > Integer.MAX_VALUE) {
                throw new WireFormatException("/limit", "must be at least 1");
            }
            limit = (int) l;
        }
        JsonValue startsOver = body.get("startsOver");
        if (startsOver != null
                && startsOver.getValueType() != JsonValue.ValueType.TRUE
                && startsOver.getValueType() != JsonValue.ValueType.FALSE
                && startsOver.getValueType() != JsonValue.ValueType.NULL) {
            throw new WireFormatException("/startsOver", "must be true or false");
        }
        JsonValue pushedValue = body.get("pushed");
        Map<String, SyncMetadata> pushed = pushedValue == null || pushedValue.getValueType() == JsonValue.ValueType.NULL
                ? Map.of()
                : PayloadReader.readTypeMetadata(
                        PayloadReader.object(pushedValue, "/pushed", "per-type versions pushed"), "/pushed");
        return new PullRequest(
                cursors, limit, startsOver != null && startsOver.getValueType() == JsonValue.ValueType.TRUE, pushed);
    }

    /**
     * Reads a pull's {@code metadata} alone, {@code {"Item": {...cursor}}}, checked as in a pull
     * body and with the same pointers (under {@code /metadata}).
     *
     * @return a pull of these cursors: no limit, no {@code startsOver}, nothing pushed
     */
    public static PullRequest readPullMetadata(JsonValue metadata) {
        return new PullRequest(cursors(metadata), null, false, Map.of());
    }

    private static Map<String, SyncMetadata> cursors(JsonValue metadata) {
        return PayloadReader.readTypeMetadata(
                PayloadReader.object(metadata, "/metadata", "per-type cursors"), "/metadata");
    }
}
