package io.fastsync.client.transport;

import io.fastsync.wire.AnswerReader;
import io.fastsync.wire.Problem;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;

/** Turns an HTTP answer into the JSON of a successful FastSync answer, or into the right exception. */
public final class HttpAnswers {

    private static final int SNIPPET = 200;

    private HttpAnswers() {}

    /**
     * @return the parsed body of a successful answer; never null
     * @throws ServerProblemException   for a non-2xx status, or a 2xx with {@code "success": false}
     * @throws UnexpectedAnswerException for a 2xx whose body is not JSON
     */
    public static JsonValue successBody(URI uri, int status, String body) {
        JsonValue json = parse(body);
        if (status < 200 || status > 299) {
            throw new ServerProblemException(
                    json != null
                            ? AnswerReader.readProblem(json, status)
                            : new Problem(
                                    status,
                                    "unknown",
                                    "HTTP " + status,
                                    uri
                                            + " answered without a FastSync problem body (is it the FastSync base URL, and is the"
                                            + " server started?): " + snippet(body),
                                    List.of()));
        }
        if (json == null) {
            throw new UnexpectedAnswerException(uri + " answered " + status + " with no JSON: " + snippet(body), null);
        }
        // Old servers report failures with HTTP 200 and "success": false.
        if (json instanceof JsonObject o && o.get("success") == JsonValue.FALSE) {
            throw new ServerProblemException(AnswerReader.readProblem(o, status));
        }
        return json;
    }

    private static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return WireJson.parse(body);
        } catch (JsonException e) {
            return null;
        }
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        // An HTML error page of a server or proxy reads better as its text.
        String text = body.stripLeading().startsWith("<") ? body.replaceAll("(?s)<!DOCTYPE[^>]*>|<[^>]*>", " ") : body;
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
