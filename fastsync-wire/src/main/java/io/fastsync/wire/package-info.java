/**
 * The messages of the FastSync protocol as Java records, and their JSON form.
 *
 * <p>Both the server and the Java client use these types, so this package depends on the
 * JSON-P API only: no JPA, no EJB, no JAX-RS. {@link io.fastsync.wire.WireJson} reads and
 * writes every message; it is lenient exactly where existing FastSync clients need it
 * (numbers such as {@code 5.0} or fractional-second timestamps, unknown fields) and strict
 * everywhere else, reporting the JSON Pointer of whatever it rejects.
 */
package io.fastsync.wire;
