/**
 * Who a request comes from: {@link io.fastsync.rest.security.Authentication} runs before every
 * FastSync endpoint and, as {@code fastsync.security.mode} says, verifies the bearer token
 * ({@link io.fastsync.rest.security.TokenVerifier}), takes the container's caller, or serves this
 * machine only.
 */
package io.fastsync.rest.security;
