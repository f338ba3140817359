package io.fastsync.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.rest.error.MalformedJsonException;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.WireFormatException;
import io.fastsync.wire.WireJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code GET changes} reads from its {@code metadata} query parameter, and how it refuses. */
class ChangesCursorsTest {

    private static String query(String metadata) {
        return "metadata=" + URLEncoder.encode(metadata, StandardCharsets.UTF_8);
    }

    /** @return the request read, or the refusal as its kind, pointer and text */
    private static String outcome(String rawQuery) {
        try {
            return "read " + ChangesResource.cursors(rawQuery);
        } catch (WireFormatException e) {
            return "invalid " + e.pointer() + ": " + e.getMessage();
        } catch (MalformedJsonException e) {
            return "malformed: " + e.getMessage();
        }
    }

    @Test
    void theCursorsAreThoseOfAPullWithTheSameMetadataAndNothingElse() {
        String metadata = "{\"Note\": {\"syncZone\": \"user-2\", \"version\": 0},"
                + " \"Item\": {\"syncZone\": \"user-1\", \"version\": 12, \"timestamp\": 1796112961048999}}";
        PullRequest read = ChangesResource.cursors("x=1&" + query(metadata));
        assertEquals(RequestReader.readPull(WireJson.parse("{\"metadata\": " + metadata + "}")), read);
        assertEquals(
                java.util.List.of("Note", "Item"),
                java.util.List.copyOf(read.metadata().keySet()));
        assertEquals(null, read.limit());
        assertEquals(false, read.startsOver());
        assertEquals(Map.of(), read.pushed());
    }

    @Test
    void eachRefusalNamesWhatIsWrongAndWhere() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(null, "invalid /metadata: " + REQUIRED);
        expected.put("other=1", "invalid /metadata: " + REQUIRED);
        expected.put("metadata=", "invalid /metadata: " + REQUIRED);
        expected.put("metadata=+%20", "invalid /metadata: " + REQUIRED);
        expected.put("metadata=%ff", "malformed: the query parameter metadata is not valid UTF-8 once percent-decoded");
        expected.put(query("{"), "malformed: the body is not valid JSON at line 1, column 3");
        expected.put(query("{\"Item\": }"), "malformed: the body is not valid JSON at line 1, column 10");
        expected.put(query("{}\n{}"), "malformed: the body is not valid JSON at line 2, column 1");
        expected.put(
                query("[".repeat(2_000)),
                "malformed: the body's JSON is beyond what the server reads: Input is too deeply nested 1,000");
        expected.put(query("{\"Item\": {}, \"Item\": {}}"), "invalid /Item: is a key this object names twice");
        expected.put(
                query("{\"It\\u0000em\": {}}"),
                "invalid /It\u0000em: its key holds the character U+0000, which databases do not store");
        expected.put(query("[]"), "invalid /metadata: must be a JSON object (per-type cursors), found an array");
        expected.put(query("null"), "invalid /metadata: must be a JSON object (per-type cursors), found null");
        expected.put(query("7"), "invalid /metadata: must be a JSON object (per-type cursors), found the number 7");
        expected.put(
                query("{\"Item\": 3}"),
                "invalid /metadata/Item: must be a JSON object (the metadata of type Item), found the number 3");
        expected.put(
                query("{\"Item\": {\"syncZone\": \"user-1\", \"version\": \"x\"}}"),
                "invalid /metadata/Item/version: must be a whole number, found a string");
        expected.put(
                query("{\"Item\": {\"syncZone\": 5, \"version\": 1}}"),
                "invalid /metadata/Item/syncZone: must be a string, found the number 5");
        expected.put(query("{\"Itém\": x}"), "malformed: the body is not valid JSON at line 1, column 10");
        expected.put(query("{} 1"), "malformed: the body is not valid JSON at line 1, column 7");
        expected.put(query("\"\\ud800\""), "invalid : it holds an unpaired surrogate (\\ud800), which is not text");
        expected.put(query("{}"), "read PullRequest[metadata={}, limit=null, startsOver=false, pushed={}]");
        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(q -> actual.put(q, outcome(q)));
        assertEquals(expected, actual);
    }

    private static final String REQUIRED =
            "is required: the query parameter metadata, a pull's metadata object as JSON";
}
