/**
 * The benchmark: {@link io.fastsync.benchmark.Benchmark} runs each workload as plain JDBC on
 * PostgreSQL ({@link io.fastsync.benchmark.JdbcLimit}, the limit) and through the standalone
 * server over HTTP ({@link io.fastsync.benchmark.OverHttp}, {@link io.fastsync.benchmark.Load}),
 * in one run on one machine, and prints both with their ratio. It is a program, not a test:
 * figures are printed, never asserted, and the build never runs it.
 */
package io.fastsync.benchmark;
