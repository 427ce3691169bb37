package dev.schedex.schedule;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@link Schedule.Cron}: {@code cron 0 9-17 * * MON-FRI}; field {@code cron}. See {@link CronExpression}. */
final class CronKind implements ScheduleKind<Schedule.Cron> {

    static final CronKind INSTANCE = new CronKind();

    private static final Pattern TEXT = Pattern.compile("cron (.+)", Pattern.DOTALL);

    private CronKind() {}

    @Override
    public String name() {
        return "cron";
    }

    @Override
    public Set<String> fields() {
        return Set.of("cron");
    }

    @Override
    public Schedule.@Nullable Cron fromFields(Fields fields) {
        return fields.required("cron")
                .flatMap(text -> fields.collect(() -> Schedule.cron(text)))
                .orElse(null);
    }

    @Override
    public Map<String, String> toFields(Schedule.Cron schedule) {
        return Map.of("cron", schedule.expression().toString());
    }

    @Override
    public Pattern text() {
        return TEXT;
    }

    @Override
    public Schedule.Cron fromText(Matcher match) {
        return Schedule.cron(match.group(1));
    }

    @Override
    public String toText(Schedule.Cron schedule) {
        return "cron " + schedule.expression();
    }

    @Override
    public String describe(Schedule.Cron schedule) {
        return schedule.expression().describe();
    }

    @Override
    public LocalRule rule(Schedule.Cron schedule, Calendars calendars) {
        return schedule.expression()::nextLocal;
    }

    @Override
    public boolean hasFixedTimes(Schedule.Cron schedule) {
        return schedule.expression().hasFixedTimes();
    }
}
