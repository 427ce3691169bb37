package dev.schedex.schedule;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A schedule seen on the local calendar alone: the first matching local date-time after another.
 * {@link NextRunCalculator} maps these onto instants in a zone. Each kind gives its own ({@link ScheduleKind#rule}).
 */
@FunctionalInterface
interface LocalRule {

    /**
     * @param after a local date-time with whole seconds
     * @return the first matching local date-time strictly after it, or null if there is none
     */
    @Nullable
    LocalDateTime nextLocal(LocalDateTime after);
}
