package dev.schedex.examples.quickstart;

import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

/**
 * The quickstart: the next runs of a few schedules in several zones, starting just before the
 * 2026 autumn daylight-saving changes so that the shifts are visible. Later versions grow this into
 * a full export demo.
 *
 * <p>Run it with {@code mvn -q install -DskipTests && mvn -q -pl examples/quickstart exec:java}.
 */
public final class Quickstart {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx");

    private Quickstart() {
    }

    /** One schedule in one zone. */
    private record Example(Schedule schedule, ZoneId zone) {
    }

    /**
     * Prints the upcoming runs.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Instant start = Instant.parse("2026-10-23T00:00:00Z");
        List<Example> examples = List.of(
                new Example(Schedule.daily(LocalTime.of(2, 30)), ZoneId.of("Europe/Berlin")),
                new Example(Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(1, 30)),
                        ZoneId.of("America/New_York")),
                new Example(Schedule.monthlyOnLastDay(LocalTime.of(23, 0)), ZoneId.of("Australia/Lord_Howe")),
                new Example(Schedule.monthlyOn(2, DayOfWeek.MONDAY, LocalTime.of(9, 0)), ZoneId.of("Asia/Kolkata")),
                new Example(Schedule.cron("0 */6 * * SAT,SUN"), ZoneId.of("Europe/Berlin")));
        NextRunCalculator calculator = NextRunCalculator.create();
        System.out.println("Upcoming runs after " + start + "\n");
        for (Example example : examples) {
            System.out.println(example.schedule().describe() + "  [" + example.schedule() + "] in " + example.zone());
            for (Instant run : calculator.upcoming(example.schedule(), example.zone(), start, 5)) {
                System.out.println("    " + LOCAL.format(run.atZone(example.zone())) + "   = " + run);
            }
            System.out.println();
        }
    }
}
