package dev.schedex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schedex.calendar.BusinessCalendar;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.NonBusinessDay;
import dev.schedex.schedule.Schedule;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.MutableClock;
import dev.schedex.testing.TextFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whole-service simulations with a fake clock: many schedules, many ticks, across daylight-saving
 * changes. Each schedule must run exactly at the instants {@link NextRunCalculator} gives for it, each
 * exactly once.
 */
class ServiceSimulationTest {

    private static final List<String> ZONES = List.of(
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
            "Africa/Cairo",
            "America/Santiago",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "America/St_Johns",
            "Europe/London",
            "Asia/Tokyo",
            "UTC",
            "America/Los_Angeles");
    private static final List<String> CRONS = List.of(
            "0 */6 * * *",
            "30 1-3 * * *",
            "15 2 * * MON-FRI",
            "0 0 L * *",
            "0 9 * * 1#2",
            "*/20 1-3 * * SUN",
            "0 0,12 * * *",
            "45 23 * * *",
            "0 30 2 * * *",
            "0 0 1 * *");
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final BusinessCalendar WEEKENDS = BusinessCalendar.weekendsOff();

    private final Documents documents = new Documents();
    private final CountingDestination destination = new CountingDestination();
    private final InMemoryScheduleStore store = new InMemoryScheduleStore();
    private final MutableClock clock = new MutableClock(START);

    private ExportScheduleService service() {
        return ExportScheduleService.builder()
                .store(store)
                .documentSource(documents)
                .clock(clock)
                .discoverFormats(false)
                .format(new TextFormat())
                .destination(destination)
                .calendar("weekends", WEEKENDS)
                .build();
    }

    private static Schedule randomSchedule(Random random) {
        LocalTime time =
                LocalTime.of(random.nextInt(4) == 0 ? random.nextInt(24) : random.nextInt(4), random.nextInt(4) * 15);
        switch (random.nextInt(9)) {
            case 0:
                return Schedule.daily(time, LocalTime.of(random.nextInt(24), random.nextInt(60)));
            case 1:
                Set<DayOfWeek> days =
                        EnumSet.of(DayOfWeek.of(1 + random.nextInt(7)), DayOfWeek.of(1 + random.nextInt(7)));
                return Schedule.weekly(days, time);
            case 2:
                return Schedule.monthly(1 + random.nextInt(31), time);
            case 3:
                return Schedule.monthlyOnLastDay(time);
            case 4:
                return Schedule.monthlyOn(
                        random.nextBoolean() ? -1 : 1 + random.nextInt(5), DayOfWeek.of(1 + random.nextInt(7)), time);
            case 5:
                return Schedule.monthlyOnBusinessDay(
                        random.nextBoolean() ? -1 : 1 + random.nextInt(23), "weekends", time);
            case 6:
                // a weekend day moves; a weekday may also skip (a weekend day that skips would never run)
                DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
                NonBusinessDay shift = day.getValue() > 5
                        ? (random.nextBoolean() ? NonBusinessDay.NEXT : NonBusinessDay.PREVIOUS)
                        : NonBusinessDay.values()[random.nextInt(NonBusinessDay.values().length)];
                return Schedule.weekly(EnumSet.of(day), time).onBusinessDaysOf("weekends", shift);
            case 7:
                // every 2 to 4 days or weeks, counted from an anchor up to a month before or after the start
                LocalDate anchor = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(61) - 30);
                int interval = 2 + random.nextInt(3);
                return random.nextBoolean()
                        ? Schedule.every(interval, ChronoUnit.DAYS, anchor, Schedule.daily(time))
                        : Schedule.every(
                                interval,
                                ChronoUnit.WEEKS,
                                anchor,
                                Schedule.weekly(EnumSet.of(DayOfWeek.of(1 + random.nextInt(7))), time));
            default:
                return Schedule.cron(CRONS.get(random.nextInt(CRONS.size())));
        }
    }

    private List<ExportSchedule> createSchedules(ExportScheduleService service, int count, long seed) {
        Random random = new Random(seed);
        List<ExportSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String owner = "owner-" + (i % 17);
            String document = "doc-" + i;
            documents.put(owner, document, "v1");
            schedules.add(service.create(NewExportSchedule.builder()
                    .ownerId(owner)
                    .documentId(document)
                    .name("simulated " + i)
                    .schedule(randomSchedule(random))
                    .zone(ZONES.get(i % ZONES.size()))
                    .format("txt", Map.of())
                    .destination("counting", Map.of())
                    .build()));
        }
        return schedules;
    }

    /** Every occurrence the calculator gives up to {@code end}, each delivered exactly once, and nothing else. */
    private void assertEachOccurrenceRanOnce(List<ExportSchedule> schedules, Instant lastTick) {
        Instant end = lastTick;
        NextRunCalculator calculator = NextRunCalculator.create(Map.of("weekends", WEEKENDS));
        Map<CountingDestination.Key, Integer> expected = new HashMap<>();
        for (ExportSchedule s : schedules) {
            for (Instant occurrence : calculator.upcoming(s.schedule(), s.zone(), s.bounds(), START, 10_000)) {
                if (occurrence.isAfter(end)) {
                    break;
                }
                expected.put(new CountingDestination.Key(s.id(), occurrence), 1);
            }
        }
        Map<CountingDestination.Key, Integer> extra = destination.deliveries().entrySet().stream()
                .filter(e -> !expected.containsKey(e.getKey()) || e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), extra, "deliveries that are not exactly one expected occurrence");
        assertEquals(expected.size(), destination.deliveries().size(), "every expected occurrence was delivered");
    }

    @Test
    void aThousandSchedulesTickedEveryMinuteForSixtyDaysRunExactlyTheirOccurrences() {
        ExportScheduleService service = service();
        List<ExportSchedule> schedules = createSchedules(service, 1000, 42);
        Instant end = START.plus(Duration.ofDays(60));
        // ticks come a little after the minute, as a host's timer does, so a run's occurrence is not its tick
        for (Instant now = START.plusSeconds(17); !now.isAfter(end); now = now.plusSeconds(60)) {
            clock.set(now);
            service.tick(now);
        }
        assertEachOccurrenceRanOnce(schedules, lastTick(START.plusSeconds(17), 60, end));
        assertEquals(0, service.counters().failed());
    }

    @Test
    void eightThreadsTickingOneStoreForADayRunEachOccurrenceOnce() throws Exception {
        ExportScheduleService service = service();
        List<ExportSchedule> schedules = createSchedules(service, 200, 7);
        Instant end = START.plus(Duration.ofDays(1));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // every 3 minutes, off the minute: runs come up to 3 minutes late, within the misfire grace
            for (Instant now = START.plusSeconds(41); !now.isAfter(end); now = now.plusSeconds(180)) {
                Instant tickAt = now;
                List<Callable<TickReport>> ticks = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    ticks.add(() -> service.tick(tickAt));
                }
                for (Future<TickReport> tick : threads.invokeAll(ticks)) {
                    tick.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEachOccurrenceRanOnce(schedules, lastTick(START.plusSeconds(41), 180, end));
    }

    private static Instant lastTick(Instant first, long everySeconds, Instant end) {
        return first.plusSeconds((end.getEpochSecond() - first.getEpochSecond()) / everySeconds * everySeconds);
    }
}
