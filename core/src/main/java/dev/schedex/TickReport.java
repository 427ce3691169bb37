package dev.schedex;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one tick did.
 *
 * @param now       the instant the tick ran for
 * @param takenOver claims that took over work another claim left unfinished (its host stopped or
 *                  lost its lease; see {@link dev.schedex.spi.store.Claim#takesOver()})
 * @param claimed   schedules this tick claimed
 * @param succeeded runs that succeeded
 * @param failed    runs that failed
 * @param skipped   runs that were skipped (unchanged document, or missed occurrences under {@link MisfirePolicy#SKIP})
 * @param elapsed   how long the tick took
 * @param runs      the runs this tick finished, in the order they finished
 */
public record TickReport(
        Instant now,
        int takenOver,
        int claimed,
        int succeeded,
        int failed,
        int skipped,
        Duration elapsed,
        List<ExportRun> runs) {

    /** Copies the runs. */
    public TickReport {
        runs = List.copyOf(runs);
    }
}
