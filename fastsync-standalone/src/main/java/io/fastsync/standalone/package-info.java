/**
 * What the standalone server shares between its two packagings: the persistence unit
 * {@code fastsync} on {@code java:app/jdbc/fastsync}, the configuration defaults, and
 * the data sources over the application's JDBC drivers ({@link io.fastsync.standalone.ConfiguredDataSource}). It is a library jar, not part of the WAR's own
 * classes, because in the EAR the EJB module must see the persistence unit: a unit in
 * {@code WEB-INF/classes} is visible to its web module only, a unit in the EAR's {@code lib/} to
 * every module. Components (the data source definition, the start-up bean) must not live here:
 * an application server does not scan library jars for them.
 */
package io.fastsync.standalone;
