package io.fastsync.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object that keeps its text: made from stored text, it is parsed only when something
 * reads a member; made from a parsed object, its text is written once and kept. Sending it or
 * storing it costs a copy of the text ({@link #toString()}), so a pull page of stored objects is
 * written without parsing them, and an incoming object is serialised once for its storage and
 * the push's idempotency hash together. Equal to any {@link JsonObject} with the same members.
 */
public final class RawJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {

    private String text;
    private JsonObject parsed;

    /** @param text a JSON object, as written by JSON-P; checked when first read */
    public RawJsonObject(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    private RawJsonObject(JsonObject parsed) {
        this.parsed = parsed;
    }

    /** @return the object, keeping its text once written */
    public static RawJsonObject of(JsonObject parsed) {
        return parsed instanceof RawJsonObject raw ? raw : new RawJsonObject(Objects.requireNonNull(parsed, "parsed"));
    }

    private JsonObject parsed() {
        if (parsed == null) {
            parsed = WireJson.parseObject(text);
        }
        return parsed;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public int size() {
        return parsed().size();
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return parsed().getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return parsed().getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return parsed().getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return parsed().getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return parsed().getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return parsed().getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return parsed().getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return parsed().getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return parsed().getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return parsed().getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return parsed().isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    /** @return the JSON text: as stored, or as JSON-P writes the parsed object (compact) */
    @Override
    public String toString() {
        if (text == null) {
            text = parsed.toString();
        }
        return text;
    }
}
