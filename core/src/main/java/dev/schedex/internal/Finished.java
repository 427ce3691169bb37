package dev.schedex.internal;

import dev.schedex.ExportRun;
import java.time.Instant;
import java.util.Optional;

/**
 * A claim whose work is over, waiting to be recorded.
 *
 * @param plan what the claim was for
 * @param run  the finished run, or empty when the claim ran nothing (the occurrence was done, or the
 *             lease gone)
 * @param retry for a failed run, whether and when its occurrence may be tried again
 * @param at   when the work ended
 */
public record Finished(Plan plan, Optional<ExportRun> run, Retry retry, Instant at) {}
