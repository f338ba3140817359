package io.fastsync.client.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * A durable store in an embedded H2 database file, over plain JDBC: objects, pending changes,
 * base versions, cursors and the unanswered push all survive a restart. One process at a time
 * may open a file (H2 locks it). Transactions run one at a time on a single connection.
 */
public final class H2Store implements LocalStore {

    private final Connection connection;
    private final Path file;

    private H2Store(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens the store in this file, creating it if needed.
     *
     * @param file the database file; H2 adds {@code .mv.db} to the name, and a name already ending
     *             in {@code .mv.db} is taken as is; never null
     * @throws StoreException if the file cannot be opened, for instance because another process has it
     */
    public static H2Store open(Path file) {
        Path base = file.toAbsolutePath().normalize();
        String name = base.getFileName().toString();
        if (name.endsWith(".mv.db")) {
            base = base.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        }
        try {
            if (base.getParent() != null) {
                Files.createDirectories(base.getParent());
            }
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + base);
            try {
                StoreSchema.migrate(c);
                c.setAutoCommit(false);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new H2Store(c, base);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the local store " + base + ".mv.db: " + e.getMessage(), e);
        }
    }

    /** @return the database file's path without H2's {@code .mv.db} suffix; never null */
    public Path file() {
        return file;
    }

    @Override
    public synchronized <R> R transact(Function<StoreTransaction, R> work) {
        try {
            R result = work.apply(new H2Transaction(connection));
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new StoreException("the local store failed to commit: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the local store: " + e.getMessage(), e);
        }
    }
}
