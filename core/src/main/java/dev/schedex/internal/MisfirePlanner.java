package dev.schedex.internal;

import dev.schedex.ExportSchedule;
import dev.schedex.ScheduleState;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.UnknownCalendarException;
import dev.schedex.spi.store.Claim;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which occurrence a claim runs: a take-over's, a retry's, the due one, or, for a tick later
 * than the misfire grace, what the schedule's misfire policy says (docs/service.md, "Misfires").
 */
public final class MisfirePlanner {

    /** The most occurrences a misfire looks at; beyond, only the latest count. */
    private static final int MISFIRE_SCAN_LIMIT = 1_000_000;

    private final NextRunCalculator calculator;
    private final Duration grace;
    private final int maxCatchUp;

    /**
     * @param settings   the grace and the catch-up limit
     * @param calculator the calculator with the host's business calendars
     */
    public MisfirePlanner(ServiceSettings settings, NextRunCalculator calculator) {
        this.calculator = calculator;
        this.grace = settings.misfireGrace();
        this.maxCatchUp = settings.maxCatchUp();
    }

    /**
     * @param claim a run-now call's claim
     * @param now   the time of the call
     * @return a plan for the current second, keeping the regular timing
     */
    public Plan runNow(Claim claim, Instant now) {
        return new Plan(claim, now.truncatedTo(ChronoUnit.SECONDS), true, Optional.empty(), Optional.empty());
    }

    /**
     * @param claim a tick's claim of a due schedule
     * @param now   the tick's time
     * @return which occurrence it runs, or which it records as skipped
     */
    public Plan plan(Claim claim, Instant now) {
        try {
            return planComputed(claim, now);
        } catch (UnknownCalendarException missing) {
            // without its calendar the schedule has no next occurrence here: its due run fails and it
            // pauses, saying why, while the rest of the batch runs on
            ScheduleState state = claim.schedule().state();
            Instant due = claim.takenOver()
                    .orElseGet(() -> state.nextOccurrence()
                            .orElseGet(() -> state.nextRunAt().orElseThrow()));
            return new Plan(
                    claim,
                    due,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(missing.getMessage() + "; the schedule is paused: resume it once the host has the "
                            + "calendar again, or give it another timing"));
        }
    }

    private Plan planComputed(Claim claim, Instant now) {
        ExportSchedule schedule = claim.schedule();
        ScheduleState state = schedule.state();
        Instant due = state.nextOccurrence().orElseGet(() -> state.nextRunAt().orElseThrow());
        if (claim.takenOver().isPresent()) {
            // a run another host started and never recorded is late because that host stopped, not because
            // no host ticked: it runs again whatever the grace. A later one than the schedule's next
            // occurrence was chosen by a misfire policy, which settled those before it; an earlier one
            // (a run-now call's) leaves the next occurrence as it was
            Instant occurrence = claim.takenOver().get();
            return new Plan(
                    claim,
                    occurrence,
                    false,
                    Optional.empty(),
                    occurrence.isBefore(due) ? Optional.of(due) : nextAfter(schedule, occurrence));
        }
        boolean retry = !state.nextRunAt().equals(state.nextOccurrence());
        if (retry || Duration.between(due, now).compareTo(grace) <= 0) {
            return new Plan(claim, due, false, Optional.empty(), nextAfter(schedule, due));
        }
        List<Instant> missed = missedOccurrences(schedule, due, now);
        Instant latest = missed.get(missed.size() - 1);
        switch (schedule.misfirePolicy()) {
            case SKIP:
                String message = (missed.size() == 1
                                ? "the occurrence at " + latest + " was missed"
                                : "occurrences from " + missed.get(0) + " to " + latest + " were missed")
                        + " while no host ticked; skipped by misfire policy SKIP";
                return new Plan(claim, latest, false, Optional.of(message), nextAfter(schedule, now));
            case RUN_ALL:
                Instant oldestKept = missed.get(Math.max(0, missed.size() - maxCatchUp));
                return new Plan(claim, oldestKept, false, Optional.empty(), nextAfter(schedule, oldestKept));
            case RUN_ONCE:
                return new Plan(claim, latest, false, Optional.empty(), nextAfter(schedule, latest));
            default:
                throw new IllegalStateException("unknown misfire policy " + schedule.misfirePolicy());
        }
    }

    /** The occurrences from {@code first} up to {@code now}, at least {@code first}; the latest ones if there are very many. */
    private List<Instant> missedOccurrences(ExportSchedule schedule, Instant first, Instant now) {
        List<Instant> missed = new ArrayList<>();
        missed.add(first);
        Instant cursor = first;
        for (int i = 0; i < MISFIRE_SCAN_LIMIT; i++) {
            Optional<Instant> next = nextAfter(schedule, cursor);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            cursor = next.get();
            missed.add(cursor);
            if (missed.size() > 2 * maxCatchUp + 1) {
                missed.subList(1, missed.size() - maxCatchUp).clear();
            }
        }
        return missed;
    }

    private Optional<Instant> nextAfter(ExportSchedule schedule, Instant instant) {
        return calculator.next(schedule.schedule(), schedule.zone(), schedule.bounds(), instant);
    }
}
