package dev.schedex;

/**
 * Totals since the service was built, for a host to export to its metrics system. A snapshot:
 * read {@link ExportScheduleService#counters()} again for newer numbers.
 *
 * @param ticks      ticks run
 * @param claimed    schedules claimed by ticks and run-now calls
 * @param succeeded  runs that succeeded
 * @param failed     runs that failed
 * @param skipped    runs that were skipped
 * @param paused     schedules paused by the service after repeated failures
 * @param leasesLost runs whose result was dropped because their lease had expired and another host
 *                   took the schedule over (a sign that the lease is too short for the renders)
 */
public record ServiceCounters(
        long ticks, long claimed, long succeeded, long failed, long skipped, long paused, long leasesLost) {}
