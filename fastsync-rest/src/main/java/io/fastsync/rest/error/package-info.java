/**
 * Error answers: one mapper per exception family, all answering RFC 9457 problem details with
 * {@code "success": false} for old clients. The status table is in
 * {@code docs/http-api.md}.
 */
package io.fastsync.rest.error;
