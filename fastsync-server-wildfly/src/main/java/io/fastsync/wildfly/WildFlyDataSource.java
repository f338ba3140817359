package io.fastsync.wildfly;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import java.sql.Connection;

/**
 * The standalone server's data source on WildFly: the name, pool and isolation of
 * {@code io.fastsync.server.ServerDataSource}, over {@link io.fastsync.standalone.ConfiguredDataSource},
 * which reads {@code fastsync.db.url}, {@code fastsync.db.user} and {@code fastsync.db.password}
 * from MicroProfile Config itself. It is an EJB because WildFly reads resource definitions from
 * components only.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/fastsync",
        className = "io.fastsync.standalone.ConfiguredDataSource",
        properties = "settings=fastsync.db",
        minPoolSize = 2,
        maxPoolSize = 32,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED)
@Singleton
public class WildFlyDataSource {}
