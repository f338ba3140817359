/**
 * The standalone server: data source, served document types and start-up log. Only the WAR holds
 * this package; embedding applications bring their own persistence and types. These are
 * components (an EJB with a data source definition), so they live in the web module, where both
 * Payara Micro and an application server scan them; the persistence unit they use comes from the
 * library {@code fastsync-standalone}.
 */
package io.fastsync.server;
