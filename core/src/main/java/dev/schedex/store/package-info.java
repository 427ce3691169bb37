/**
 * The built-in in-memory {@link dev.schedex.spi.store.ScheduleStore}: one JVM, nothing kept across
 * restarts; for tests, examples and hosts that keep no history. The rules of {@link dev.schedex} hold.
 */
package dev.schedex.store;
