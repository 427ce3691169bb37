package dev.schedex;

import java.time.Duration;
import java.util.Optional;

/** How the work of one run ended, before it is recorded. */
record RunOutcome(RunStatus status, Optional<String> documentVersion, Optional<Long> size, Optional<String> checksum,
                  Optional<String> location, Optional<String> message, Optional<Duration> renderTime,
                  Optional<Duration> deliveryTime) {

    static RunOutcome failed(String message) {
        return new RunOutcome(RunStatus.FAILED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(message), Optional.empty(), Optional.empty());
    }

    static RunOutcome skipped(Optional<String> documentVersion, String message) {
        return new RunOutcome(RunStatus.SKIPPED, documentVersion, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(message), Optional.empty(), Optional.empty());
    }

    ExportRun applyTo(ExportRun run, java.time.Instant finishedAt) {
        return new ExportRun(run.id(), run.scheduleId(), run.occurrence(), status, run.attempt(), run.host(),
                run.startedAt(), Optional.of(finishedAt), run.formatId(), documentVersion, size, checksum, location,
                message, renderTime, deliveryTime);
    }
}
