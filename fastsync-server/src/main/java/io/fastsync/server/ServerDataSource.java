package io.fastsync.server;

import jakarta.annotation.sql.DataSourceDefinition;
import java.sql.Connection;

/**
 * The standalone server's data source on Payara, from MicroProfile Config (H2 in a file by
 * default): Payara expands {@code ${MPCONFIG=...}} in a definition, the driver's class included.
 * The WildFly form of the server ({@code fastsync-server-wildfly}) leaves this class out and
 * defines the same name over {@link io.fastsync.standalone.ConfiguredDataSource}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/fastsync",
        className = "${MPCONFIG=fastsync.db.driver}",
        url = "${MPCONFIG=fastsync.db.url}",
        user = "${MPCONFIG=fastsync.db.user}",
        password = "${MPCONFIG=fastsync.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // PostgreSQL's and H2's default, not MariaDB's: under REPEATABLE READ a locking read of a
        // missing counter row holds a gap lock that the row's creation would wait for.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
public class ServerDataSource {

    private ServerDataSource() {}
}
