package io.fastsync.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A transaction on an {@link H2Store}: one JDBC statement per call, committed by the store. */
final class H2Transaction implements StoreTransaction {

    private static final String OBJECT_COLUMNS =
            "type_name, object_id, fields_json, deleted, base_version, pending, revision, edited_at";

    private final Connection c;

    H2Transaction(Connection connection) {
        this.c = connection;
    }

    @Override
    public Optional<StoredObject> find(String type, String id) {
        List<StoredObject> found = objects("WHERE type_name = ? AND object_id = ?", type, id);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredObject> all(String type) {
        return objects("WHERE type_name = ? ORDER BY object_id", type);
    }

    @Override
    public List<StoredObject> pending(String type) {
        return objects("WHERE type_name = ? AND pending ORDER BY object_id", type);
    }

    @Override
    public long pendingCount(String type) {
        try (PreparedStatement s = prepare("SELECT COUNT(*) FROM fs_object WHERE type_name = ? AND pending", type);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void put(StoredObject o) {
        execute(
                "MERGE INTO fs_object (" + OBJECT_COLUMNS
                        + ") KEY (type_name, object_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                o.type(),
                o.id(),
                o.fields().toString(),
                o.deleted(),
                o.baseVersion(),
                o.pending(),
                o.revision(),
                o.editedAt());
    }

    @Override
    public void delete(String type, String id) {
        execute("DELETE FROM fs_object WHERE type_name = ? AND object_id = ?", type, id);
    }

    @Override
    public void deleteAll(String type, boolean alsoPending) {
        execute("DELETE FROM fs_object WHERE type_name = ? AND (? OR NOT pending)", type, alsoPending);
    }

    @Override
    public TypeState typeState(String type) {
        return typeStates("WHERE type_name = ?", type).stream().findFirst().orElse(null);
    }

    @Override
    public void putTypeState(TypeState s) {
        execute(
                "MERGE INTO fs_type (type_name, zone_name, cursor_version, cursor_mark, pushed_version, pushed_mark)"
                        + " KEY (type_name) VALUES (?, ?, ?, ?, ?, ?)",
                s.type(),
                s.zone(),
                s.cursor(),
                s.mark(),
                s.pushed(),
                s.pushedMark());
    }

    @Override
    public List<TypeState> typeStates() {
        return typeStates("ORDER BY type_name");
    }

    @Override
    public PendingPush pendingPush() {
        try (PreparedStatement s =
                        c.prepareStatement("SELECT request_json, revisions_json FROM fs_pending_push WHERE slot = 1");
                ResultSet r = s.executeQuery()) {
            return r.next() ? H2Json.pendingPush(r.getString(1), r.getString(2)) : null;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void putPendingPush(PendingPush push) {
        execute(
                "MERGE INTO fs_pending_push (slot, request_json, revisions_json) KEY (slot) VALUES (1, ?, ?)",
                H2Json.request(push),
                H2Json.revisions(push));
    }

    @Override
    public void clearPendingPush() {
        execute("DELETE FROM fs_pending_push");
    }

    private List<StoredObject> objects(String where, Object... params) {
        try (PreparedStatement s = prepare("SELECT " + OBJECT_COLUMNS + " FROM fs_object " + where, params);
                ResultSet r = s.executeQuery()) {
            List<StoredObject> list = new ArrayList<>();
            while (r.next()) {
                list.add(new StoredObject(
                        r.getString(1),
                        r.getString(2),
                        H2Json.object(r.getString(3)),
                        r.getBoolean(4),
                        r.getLong(5),
                        r.getBoolean(6),
                        r.getLong(7),
                        r.getLong(8)));
            }
            return list;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<TypeState> typeStates(String where, Object... params) {
        try (PreparedStatement s = prepare(
                        "SELECT type_name, zone_name, cursor_version, cursor_mark, pushed_version, pushed_mark"
                                + " FROM fs_type " + where,
                        params);
                ResultSet r = s.executeQuery()) {
            List<TypeState> list = new ArrayList<>();
            while (r.next()) {
                list.add(new TypeState(
                        r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)));
            }
            return list;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void execute(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static StoreException failed(SQLException e) {
        return new StoreException("the local store failed: " + e.getMessage(), e);
    }
}
