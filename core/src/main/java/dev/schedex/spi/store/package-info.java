/**
 * For store authors: {@link dev.schedex.spi.store.ScheduleStore}, where schedules and runs are kept
 * and how hosts coordinate (claims with leases and take-overs, runs unique per occurrence, writes
 * fenced by lease and revision), and the values its methods exchange. Every store passes the
 * contract suite {@code ScheduleStoreContract} from schedex-testing.
 *
 * <p>The rules of {@link dev.schedex} hold: no nulls in or out, immutable values; every method is
 * safe from many threads and, for a shared database, from many hosts.
 */
package dev.schedex.spi.store;
