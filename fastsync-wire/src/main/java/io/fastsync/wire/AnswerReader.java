package io.fastsync.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the server answers, as the Java client receives it: a pull page, a push's results, a problem. */
public final class AnswerReader {

    private AnswerReader() {}

    /** Reads a pull answer, envelope included, as the Java client receives it. */
    public static PullResponse readPullResponse(JsonValue root) {
        JsonObject envelope = PayloadReader.object(root, "", "the pull answer");
        JsonObject data = PayloadReader.object(envelope.get("data"), "/data", "the pulled payload");
        SyncPayload payload = PayloadReader.readPayload(data, "/data");
        return new PullResponse(payload, envelope.getBoolean("hasMore", false));
    }

    /** Reads a push answer, envelope included, as the Java client receives it. */
    public static PushResponse readPushResponse(JsonValue root) {
        JsonObject envelope = PayloadReader.object(root, "", "the push answer");
        JsonObject data = PayloadReader.object(envelope.get("data"), "/data", "the push results");
        JsonObject results = PayloadReader.object(data.get("results"), "/data/results", "the push results");
        Map<String, List<ObjectResult>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : results.entrySet()) {
            String pointer = "/data/results/" + WireJson.escape(entry.getKey());
            List<ObjectResult> list = new ArrayList<>();
            int i = 0;
            for (JsonValue v : PayloadReader.array(entry.getValue(), pointer, "a list of results")) {
                String p = pointer + "/" + i++;
                JsonObject r = PayloadReader.object(v, p, "a result");
                PushOutcome outcome = PushOutcome.ofWireName(PayloadReader.requiredString(r, "status", p + "/status"));
                String winner = PayloadReader.optionalString(r, "winner", p + "/winner");
                list.add(new ObjectResult(
                        PayloadReader.requiredString(r, "id", p + "/id"),
                        outcome,
                        winner == null ? null : ConflictWinner.ofWireName(winner),
                        PayloadReader.optionalString(r, "strategy", p + "/strategy"),
                        Numbers.wholeNumber(r.get("version"), p + "/version"),
                        r.getBoolean("deleted", false)));
            }
            byType.put(entry.getKey(), list);
        }
        Map<String, Long> marks = new LinkedHashMap<>();
        JsonValue marksValue = data.get("marks");
        if (marksValue != null && marksValue.getValueType() != JsonValue.ValueType.NULL) {
            PayloadReader.object(marksValue, "/data/marks", "per-type marks")
                    .forEach((type, mark) ->
                            marks.put(type, Numbers.wholeNumber(mark, "/data/marks/" + WireJson.escape(type))));
        }
        return new PushResponse(byType, data.getBoolean("replayed", false), marks);
    }

    /** Reads an error answer; fields the server did not send come back null or empty. */
    public static Problem readProblem(JsonValue root, int httpStatus) {
        if (!(root instanceof JsonObject body)) {
            return new Problem(httpStatus, "unknown", "Unexpected answer", String.valueOf(root), List.of());
        }
        List<Problem.Location> errors = new ArrayList<>();
        JsonValue list = body.get("errors");
        if (list instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject e) {
                    errors.add(new Problem.Location(
                            e.getString("type", null),
                            e.getString("id", null),
                            e.getString("pointer", null),
                            e.getString("message", null)));
                }
            }
        }
        Map<String, List<String>> zones = new LinkedHashMap<>();
        if (body.get("zones") instanceof JsonObject byType) {
            byType.forEach((type, value) -> {
                if (value instanceof JsonArray array) {
                    List<String> names = new ArrayList<>();
                    array.forEach(z -> {
                        if (z instanceof JsonString name) {
                            names.add(name.getString());
                        }
                    });
                    zones.put(type, names);
                }
            });
        }
        return new Problem(
                body.getInt("status", httpStatus),
                body.getString("code", "unknown"),
                body.getString("title", null),
                body.getString("detail", null),
                errors,
                zones);
    }
}
