package io.fastsync.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The objects of a file to import: a JSON array of objects, or one JSON object per line (NDJSON). */
final class ImportFile {

    private ImportFile() {}

    static List<JsonObject> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no file " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonObject> objects = new ArrayList<>();
        if (text.strip().startsWith("[")) {
            try (var reader = Json.createReader(new StringReader(text))) {
                int n = 0;
                for (JsonValue v : reader.readArray()) {
                    n++;
                    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw new UsageException(file + ": element " + n + " of the array is not a JSON object");
                    }
                    objects.add(v.asJsonObject());
                }
            } catch (JsonException e) {
                throw new UsageException(file + " is not a JSON array: " + e.getMessage());
            }
            return objects;
        }
        int line = 0;
        for (String l : text.split("\r?\n")) {
            line++;
            if (l.isBlank()) {
                continue;
            }
            try (var reader = Json.createReader(new StringReader(l))) {
                objects.add(reader.readObject());
            } catch (JsonException e) {
                throw new UsageException(file + ": line " + line + " is not one JSON object: " + e.getMessage());
            }
        }
        return objects;
    }
}
