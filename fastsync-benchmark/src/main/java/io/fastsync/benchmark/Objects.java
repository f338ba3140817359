package io.fastsync.benchmark;

import java.util.List;

/**
 * The benchmark's objects: about 300 bytes of own fields each, the same for the JDBC limit and
 * for FastSync, written in the wire format of {@code docs/protocol.md}.
 */
final class Objects {

    static final String TYPE = "Item";
    private static final String NOTE = "a note long enough to make the object the size of a typical synced record,"
            + " such as an order line, a task or a contact; the same text in every object, so that the size does"
            + " not vary between runs";

    private Objects() {}

    /** Ids are unique in a type whatever the zone, so every zone of the benchmark has its own prefix. */
    static String id(String prefix, int n) {
        return prefix + "-" + n;
    }

    static final String NOTE_TEXT = NOTE;

    /** The object's own fields as stored: about 300 bytes. */
    static String fields(int n, int revision) {
        return "{\"name\":\"item " + n + "\",\"qty\":" + (n % 97) + ",\"price\":" + (n % 1000) + ".5,\"revision\":"
                + revision + ",\"done\":" + (revision % 2 == 1) + ",\"note\":\"" + NOTE + "\"}";
    }

    /** One operation of a push: an add (base 0), an edit or a delete of what the client saw at {@code base}. */
    record Change(int n, int revision, long base, boolean delete) {}

    /** A push body of one zone: one transaction. */
    static String pushBody(String zone, String idPrefix, List<Change> changes, long timestampMicros) {
        StringBuilder b = new StringBuilder(changes.size() * 520 + 200);
        b.append("{\"data\":{\"").append(TYPE).append("\":[");
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String id = id(idPrefix, c.n());
            int operation = c.delete() ? 2 : c.base() == 0 ? 0 : 1;
            String fields = fields(c.n(), c.revision());
            b.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(id)
                    .append("\",\"deleted\":")
                    .append(c.delete())
                    .append(",\"metadata\":{\"id\":\"")
                    .append(id)
                    .append("\",\"type\":\"")
                    .append(TYPE)
                    .append("\",\"version\":")
                    .append(c.base() + 1)
                    .append(",\"baseVersion\":")
                    .append(c.base())
                    .append(",\"syncZone\":\"")
                    .append(zone)
                    .append("\",\"timestamp\":")
                    .append(timestampMicros)
                    .append(",\"syncOperation\":")
                    .append(operation)
                    .append("},")
                    // the fields without their opening brace: their closing brace closes the object
                    .append(fields, 1, fields.length());
        }
        b.append("]},\"operationMetadata\":{\"metadata\":{\"")
                .append(TYPE)
                .append("\":{\"id\":\"")
                .append(TYPE)
                .append("\",\"type\":\"")
                .append(TYPE)
                .append("\",\"syncZone\":\"")
                .append(zone)
                .append("\",\"version\":999,\"syncOperation\":999}}}}");
        return b.toString();
    }

    /** A pull body: one type, the cursor, a page limit. */
    static String pullBody(String zone, long cursor, int limit) {
        return "{\"metadata\":{\"" + TYPE + "\":{\"id\":\"" + TYPE + "\",\"type\":\"" + TYPE + "\",\"syncZone\":\""
                + zone + "\",\"version\":" + cursor + ",\"timestamp\":0,\"syncOperation\":999}},\"limit\":" + limit
                + "}";
    }
}
