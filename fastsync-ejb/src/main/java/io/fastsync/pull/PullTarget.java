package io.fastsync.pull;

import io.fastsync.registry.RegisteredType;

/**
 * One type a pull asks for: where the client's cursor stands in which zone.
 *
 * @param cursor the highest version the client has received
 */
record PullTarget<T>(RegisteredType<T> type, String zone, long cursor) {}
