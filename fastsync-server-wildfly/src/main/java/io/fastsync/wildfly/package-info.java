/**
 * What the WildFly form of the standalone server adds to {@code fastsync-server}: its data source
 * definition.
 */
package io.fastsync.wildfly;
