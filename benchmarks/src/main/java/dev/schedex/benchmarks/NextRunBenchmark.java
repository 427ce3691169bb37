package dev.schedex.benchmarks;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one "next run after this instant" in Europe/Berlin, for the same schedules written for
 * each library: schedex's {@link NextRunCalculator}, Spring's {@code CronExpression}, cron-utils
 * (Quartz definition) and Quartz's {@code CronExpression}. The instants rotate through 1,024 random
 * ones from 2024 to 2034, so no library profits from a repeated input.
 *
 * <p>The interval kinds ({@code every...}) are schedex's alone: no cron dialect counts days, weeks or
 * months from a date. In their rows the peers run the rule under the interval (daily, weekly...),
 * so those rows compare schedex's interval with the plain rule; against schedex's own plain kind
 * they show what the counting costs.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NextRunBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NextRunBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int INSTANTS = 1024;

    /** The schedule, as {@code kind}: each row below gives it in every library's syntax. */
    @Param({
        "daily",
        "weekly",
        "monthlyLastDay",
        "nthWeekday",
        "steppedCron",
        "everyThreeDays",
        "everyTwoWeeks",
        "everyThreeMonthsLastDay",
        "everyTwoMonthsNthWeekday"
    })
    public String kind;

    private static final LocalDate ANCHOR = LocalDate.of(2023, 12, 6);

    private Schedule schedule;
    private org.springframework.scheduling.support.CronExpression spring;
    private ExecutionTime cronUtils;
    private org.quartz.CronExpression quartz;
    private final Instant[] instants = new Instant[INSTANTS];
    private final ZonedDateTime[] zoned = new ZonedDateTime[INSTANTS];
    private final Date[] dates = new Date[INSTANTS];
    private int next;

    @Setup
    public void setUp() throws ParseException {
        String quartzExpression;
        switch (kind) {
            case "daily":
                schedule = Schedule.daily(LocalTime.of(2, 0));
                quartzExpression = "0 0 2 * * ?";
                break;
            case "weekly":
                schedule = Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(2, 0));
                quartzExpression = "0 0 2 ? * MON,FRI";
                break;
            case "monthlyLastDay":
                schedule = Schedule.monthlyOnLastDay(LocalTime.of(23, 0));
                quartzExpression = "0 0 23 L * ?";
                break;
            case "nthWeekday":
                schedule = Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0));
                quartzExpression = "0 0 9 ? * MON#2";
                break;
            case "steppedCron":
                schedule = Schedule.cron("*/15 9-17 * * MON-FRI");
                quartzExpression = "0 0/15 9-17 ? * MON-FRI";
                break;
            case "everyThreeDays":
                schedule = Schedule.every(3, ChronoUnit.DAYS, ANCHOR, Schedule.daily(LocalTime.of(2, 0)));
                quartzExpression = "0 0 2 * * ?";
                break;
            case "everyTwoWeeks":
                schedule = Schedule.every(
                        2,
                        ChronoUnit.WEEKS,
                        ANCHOR,
                        Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(2, 0)));
                quartzExpression = "0 0 2 ? * MON,FRI";
                break;
            case "everyThreeMonthsLastDay":
                schedule = Schedule.every(3, ChronoUnit.MONTHS, ANCHOR, Schedule.monthlyOnLastDay(LocalTime.of(23, 0)));
                quartzExpression = "0 0 23 L * ?";
                break;
            case "everyTwoMonthsNthWeekday":
                schedule = Schedule.every(
                        2, ChronoUnit.MONTHS, ANCHOR, Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0)));
                quartzExpression = "0 0 9 ? * MON#2";
                break;
            default:
                throw new IllegalArgumentException(kind);
        }
        spring = org.springframework.scheduling.support.CronExpression.parse(quartzExpression.replace('?', '*'));
        cronUtils = ExecutionTime.forCron(
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ)).parse(quartzExpression));
        quartz = new org.quartz.CronExpression(quartzExpression);
        quartz.setTimeZone(TimeZone.getTimeZone(ZONE));
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2034-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < INSTANTS; i++) {
            instants[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            zoned[i] = instants[i].atZone(ZONE);
            dates[i] = Date.from(instants[i]);
        }
        checkAllAgree();
    }

    /**
     * A benchmark of different answers would compare nothing: the four must agree on every input,
     * except within two days of a daylight-saving change, where Quartz runs a wall time in a fall-back
     * overlap at its second pass (the others at the first). The peers cannot count an interval, so
     * for those kinds there is nothing to agree on.
     */
    private void checkAllAgree() {
        if (schedule instanceof Schedule.Every) {
            return;
        }
        for (int i = 0; i < INSTANTS; i++) {
            java.time.zone.ZoneOffsetTransition transition = ZONE.getRules().nextTransition(instants[i]);
            if (transition.getInstant().isBefore(instants[i].plus(java.time.Duration.ofDays(2)))) {
                continue;
            }
            Instant ours =
                    NextRunCalculator.create().next(schedule, ZONE, instants[i]).orElseThrow();
            Instant theirs = spring.next(zoned[i]).toInstant();
            Instant utils = cronUtils.nextExecution(zoned[i]).orElseThrow().toInstant();
            Instant q = quartz.getNextValidTimeAfter(dates[i]).toInstant();
            if (!ours.equals(theirs) || !ours.equals(utils) || !ours.equals(q)) {
                throw new IllegalStateException(kind + " after " + instants[i] + ": schedex " + ours + ", Spring "
                        + theirs + ", cron-utils " + utils + ", Quartz " + q);
            }
        }
    }

    private int nextIndex() {
        return next = (next + 1) & (INSTANTS - 1);
    }

    @Benchmark
    public Optional<Instant> schedex() {
        return NextRunCalculator.create().next(schedule, ZONE, instants[nextIndex()]);
    }

    @Benchmark
    public ZonedDateTime spring() {
        return spring.next(zoned[nextIndex()]);
    }

    @Benchmark
    public Optional<ZonedDateTime> cronUtils() {
        return cronUtils.nextExecution(zoned[nextIndex()]);
    }

    @Benchmark
    public Date quartz() {
        return quartz.getNextValidTimeAfter(dates[nextIndex()]);
    }
}
