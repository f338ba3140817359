/**
 * The HTTP edge: {@code POST push} and {@code POST pull}. Resources parse the body, call the
 * boundary ({@link io.fastsync.push.PushService}, {@link io.fastsync.pull.PullService}) and stream
 * the answer as UTF-8 text ({@link io.fastsync.rest.Utf8Writer}); errors become problem answers in
 * {@code rest.error}. No sync logic lives here. An application may include these resources in
 * its own JAX-RS application by depending on the {@code fastsync-rest} jar.
 */
package io.fastsync.rest;
