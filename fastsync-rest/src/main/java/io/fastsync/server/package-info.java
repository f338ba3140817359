/**
 * The standalone sync server: data source, served document types and start-up log. Only the
 * WAR holds this package; embedding applications bring their own persistence and types.
 */
package io.fastsync.server;
