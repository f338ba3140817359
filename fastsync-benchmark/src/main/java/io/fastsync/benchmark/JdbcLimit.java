package io.fastsync.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What plain JDBC gets from the same database for the same work: the limit FastSync is measured
 * against. It does the least a sync server must do and nothing more: no request to parse, no
 * conflict strategy, no idempotency record.
 */
final class JdbcLimit {

    private final Database db;

    JdbcLimit(Database db) {
        this.db = db;
    }

    /** Tables of the same shape as FastSync's, for the writes, so that the two never share rows. */
    void createTables() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS jdbc_document (LIKE fastsync_document INCLUDING ALL)");
            s.execute("CREATE TABLE IF NOT EXISTS jdbc_version (LIKE fastsync_version INCLUDING ALL)");
        }
    }

    /** The current versions of a batch's objects: by the whole key, as the product reads them. */
    private static final String READ =
            "SELECT id, sync_version FROM jdbc_document WHERE type_name = ? AND sync_zone = ? AND id = ANY (?)";
    /** One object's new state, found by the whole key. */
    private static final String UPDATE = "UPDATE jdbc_document SET sync_version = ?, sync_timestamp = ?,"
            + " sync_operation = ?, deleted = ?, body = ? WHERE type_name = ? AND sync_zone = ? AND id = ?";

    /**
     * Fails unless each statement that looks up objects finds them by an index condition on every
     * column of the tables' primary key, which is the product's ({@code LIKE fastsync_document
     * INCLUDING ALL}). When the product's key changes and these statements do not follow, a lookup
     * by part of the key scans a range of the type for each object, and the limit measured is then
     * far below what the database does; this says so before anything is measured. Asked once the
     * tables hold a zone and their statistics are known, with ids of that zone, as in a push.
     */
    void checkPlans(String zone, String... ids) throws SQLException {
        try (Connection c = db.connect()) {
            List<String> key = primaryKey(c);
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement("EXPLAIN " + READ);
                    PreparedStatement update = c.prepareStatement("EXPLAIN " + UPDATE)) {
                read.setString(1, Objects.TYPE);
                read.setString(2, zone);
                read.setArray(3, c.createArrayOf("varchar", ids));
                update.setLong(1, 1);
                update.setLong(2, 1);
                update.setInt(3, 1);
                update.setBoolean(4, false);
                update.setString(5, "{}");
                update.setString(6, Objects.TYPE);
                update.setString(7, zone);
                update.setString(8, ids[0]);
                checkPlan(READ, plan(read), key);
                checkPlan(UPDATE, plan(update), key);
            }
            c.rollback();
        }
    }

    private static final Pattern INDEX_CONDITION = Pattern.compile("Index Cond: (.*)");

    private static void checkPlan(String sql, String plan, List<String> key) {
        Matcher condition = INDEX_CONDITION.matcher(plan);
        String found = condition.find() ? condition.group(1) : "";
        List<String> missing = key.stream()
                .filter(column -> !found.contains("(" + column + ")"))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the plain-JDBC baseline does not find its rows by the product's key " + key
                    + " (no index condition on " + missing + "): " + sql + "\n" + plan);
        }
    }

    /** @return the primary key's columns of the baseline's documents, in key order */
    private static List<String> primaryKey(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.attname FROM pg_index i"
                        + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                        + " WHERE i.indrelid = 'jdbc_document'::regclass AND i.indisprimary"
                        + " ORDER BY array_position(i.indkey, a.attnum)");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                columns.add(r.getString(1));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("jdbc_document has no primary key");
        }
        return columns;
    }

    private static String plan(PreparedStatement explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = explain.executeQuery()) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Refreshes the planner's statistics of both contestants' tables. */
    void analyze() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("ANALYZE jdbc_document");
            s.execute("ANALYZE jdbc_version");
            s.execute("ANALYZE fastsync_document");
            s.execute("ANALYZE fastsync_version");
        }
    }

    /**
     * A push-like upsert: per batch one transaction that takes the zone's counter, reads the
     * current versions of the batch's objects in one query, then inserts the new and updates the
     * known ones in two JDBC batches.
     *
     * @return objects per second
     */
    double push(String zone, String idPrefix, List<List<Objects.Change>> batches, long timestamp) throws SQLException {
        try (Connection c = db.connect()) {
            try (PreparedStatement counter = c.prepareStatement(
                    "INSERT INTO jdbc_version (type_name, sync_zone, last_version) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
                counter.setString(1, Objects.TYPE);
                counter.setString(2, zone);
                counter.executeUpdate();
            }
            c.setAutoCommit(false);
            int objects = 0;
            long start = System.nanoTime();
            try (PreparedStatement take = c.prepareStatement("UPDATE jdbc_version SET last_version = last_version + ?"
                            + " WHERE type_name = ? AND sync_zone = ? RETURNING last_version");
                    PreparedStatement read = c.prepareStatement(READ);
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO jdbc_document (type_name, id, sync_zone,"
                                    + " sync_version, sync_timestamp, sync_operation, deleted, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement update = c.prepareStatement(UPDATE)) {
                for (List<Objects.Change> batch : batches) {
                    take.setInt(1, batch.size());
                    take.setString(2, Objects.TYPE);
                    take.setString(3, zone);
                    long last;
                    try (ResultSet r = take.executeQuery()) {
                        r.next();
                        last = r.getLong(1);
                    }
                    long version = last - batch.size();
                    String[] ids = new String[batch.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = Objects.id(idPrefix, batch.get(i).n());
                    }
                    Map<String, Long> current = new HashMap<>();
                    Array idArray = c.createArrayOf("varchar", ids);
                    read.setString(1, Objects.TYPE);
                    read.setString(2, zone);
                    read.setArray(3, idArray);
                    try (ResultSet r = read.executeQuery()) {
                        while (r.next()) {
                            current.put(r.getString(1), r.getLong(2));
                        }
                    }
                    int inserts = 0;
                    int updates = 0;
                    for (int i = 0; i < ids.length; i++) {
                        Objects.Change change = batch.get(i);
                        String body = Objects.fields(change.n(), change.revision());
                        int operation = change.delete() ? 2 : current.containsKey(ids[i]) ? 1 : 0;
                        if (current.containsKey(ids[i])) {
                            update.setLong(1, ++version);
                            update.setLong(2, timestamp);
                            update.setInt(3, operation);
                            update.setBoolean(4, change.delete());
                            update.setString(5, body);
                            update.setString(6, Objects.TYPE);
                            update.setString(7, zone);
                            update.setString(8, ids[i]);
                            update.addBatch();
                            updates++;
                        } else {
                            insert.setString(1, Objects.TYPE);
                            insert.setString(2, ids[i]);
                            insert.setString(3, zone);
                            insert.setLong(4, ++version);
                            insert.setLong(5, timestamp);
                            insert.setInt(6, operation);
                            insert.setBoolean(7, change.delete());
                            insert.setString(8, body);
                            insert.addBatch();
                            inserts++;
                        }
                    }
                    if (inserts > 0) {
                        insert.executeBatch();
                    }
                    if (updates > 0) {
                        update.executeBatch();
                    }
                    c.commit();
                    objects += batch.size();
                }
            }
            return objects / seconds(start);
        }
    }

    /** Result of reading a zone: objects, bytes of JSON, seconds. */
    record Read(int objects, long bytes, double seconds) {
        double perSecond() {
            return objects / seconds;
        }
    }

    /**
     * A keyset-paged read of FastSync's own table, every row serialised as the object of the
     * wire format (the stored fields copied as they are), pages of {@code page} rows.
     */
    Read pull(String zone, long cursor, int page) throws SQLException {
        try (Connection c = db.connect()) {
            return pull(c, zone, cursor, page);
        }
    }

    /** The same on an open connection, as a server's pool hands out. */
    Read pull(Connection c, String zone, long cursor, int page) throws SQLException {
        long start = System.nanoTime();
        int objects = 0;
        long bytes = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        StringBuilder json = new StringBuilder(1 << 20);
        try (PreparedStatement s = c.prepareStatement("SELECT id, sync_version,"
                + " sync_timestamp, sync_operation, deleted, body FROM fastsync_document WHERE type_name = ? AND sync_zone = ?"
                + " AND sync_version > ? ORDER BY sync_version LIMIT ?")) {
            boolean more = true;
            while (more) {
                s.setString(1, Objects.TYPE);
                s.setString(2, zone);
                s.setLong(3, cursor);
                s.setInt(4, page + 1);
                json.setLength(0);
                json.append("{\"success\":true,\"data\":{\"data\":{\"")
                        .append(Objects.TYPE)
                        .append("\":[");
                int rows = 0;
                more = false;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (rows == page) {
                            more = true;
                            break;
                        }
                        String id = r.getString(1);
                        cursor = r.getLong(2);
                        String body = r.getString(6);
                        json.append(rows++ == 0 ? "" : ",")
                                .append("{\"id\":\"")
                                .append(id)
                                .append("\",\"deleted\":")
                                .append(r.getBoolean(5))
                                .append(",\"metadata\":{\"id\":\"")
                                .append(id)
                                .append("\",\"type\":\"")
                                .append(Objects.TYPE)
                                .append("\",\"version\":")
                                .append(cursor)
                                .append(",\"syncZone\":\"")
                                .append(zone)
                                .append("\",\"timestamp\":")
                                .append(r.getLong(3))
                                .append(",\"syncOperation\":")
                                .append(r.getInt(4))
                                .append("},\"metadataId\":\"")
                                .append(id)
                                .append("\",\"dirty\":false");
                        if (body.length() > 2) {
                            json.append(',').append(body, 1, body.length());
                        } else {
                            json.append('}');
                        }
                    }
                }
                json.append("]},\"operationMetadata\":{\"metadata\":{\"")
                        .append(Objects.TYPE)
                        .append("\":{\"version\":")
                        .append(cursor)
                        .append("}}}},\"hasMore\":")
                        .append(more)
                        .append('}');
                out.reset();
                out.writeBytes(json.toString().getBytes(StandardCharsets.UTF_8));
                bytes += out.size();
                objects += rows;
            }
        }
        return new Read(objects, bytes, seconds(start));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
