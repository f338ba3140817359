package io.fastsync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests of the databases read back. */
final class Sql {

    private Sql() {}

    /** @return the first column of every row of the query, as text */
    static List<String> column(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** @return {@link #column(Connection, String)} over a connection of its own */
    static List<String> column(String url, String user, String password, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return column(c, query);
        }
    }

    /** Runs one statement over a connection of its own. */
    static void execute(String url, String user, String password, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
