package io.fastsync.server;

import jakarta.annotation.sql.DataSourceDefinition;
import java.sql.Connection;

/**
 * The standalone server's data source on Payara, over {@link io.fastsync.standalone.ConfiguredDataSource},
 * which reads {@code fastsync.db.url}, {@code fastsync.db.user} and {@code fastsync.db.password}
 * from MicroProfile Config itself (H2 in a file by default), as the WildFly form of the server
 * does. Not {@code ${MPCONFIG=...}} placeholders: Payara expands those while it deploys, before the
 * application's defaults are visible, and an empty value (no password) counts as none there.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/fastsync",
        className = "io.fastsync.standalone.ConfiguredDataSource",
        properties = "settings=fastsync.db",
        minPoolSize = 2,
        maxPoolSize = 32,
        // PostgreSQL's and H2's default, not MariaDB's: under REPEATABLE READ a locking read of a
        // missing counter row holds a gap lock that the row's creation would wait for.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
public class ServerDataSource {

    private ServerDataSource() {}
}
