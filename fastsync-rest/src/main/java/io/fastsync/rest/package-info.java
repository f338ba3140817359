/**
 * The HTTP edge: {@code POST push} and {@code POST pull}. Resources parse the body, call
 * {@link io.fastsync.SyncManager} and stream the answer; errors become problem answers in
 * {@code rest.error}. No sync logic lives here. An application may include these resources in
 * its own JAX-RS application (the {@code fastsync-rest} "classes" jar).
 */
package io.fastsync.rest;
