package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.TextFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Four hosts, each with its own service, store and connection pool, ticking one database at the
 * same simulated instants for a month: every occurrence of every schedule runs exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManyHostsContract {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int HOSTS = 4;
    private static final int SCHEDULES = 2_000;
    private static final List<String> ZONES = List.of(
            "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC");

    private TestDatabase database;

    abstract TestDatabase createDatabase();

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void fourHostsTickingOneDatabaseForAMonthRunEachOccurrenceOnce() throws Exception {
        database = createDatabase();
        database.storeBuilder().build().migrate();
        Documents documents = new Documents();
        CountingDestination destination = new CountingDestination();
        List<HikariDataSource> pools = new ArrayList<>();
        List<ExportScheduleService> hosts = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(HOSTS);
        try {
            for (int i = 0; i < HOSTS; i++) {
                HikariDataSource pool = TestDatabase.pool(
                        database.dataSource().getJdbcUrl(),
                        database.dataSource().getUsername(),
                        "",
                        3);
                pools.add(pool);
                JdbiScheduleStore.Builder store =
                        JdbiScheduleStore.builder(pool).useDatabaseClock(false);
                if (database.schema() != null) {
                    store.schema(database.schema());
                }
                hosts.add(ExportScheduleService.builder()
                        .store(store.build())
                        .documentSource(documents)
                        .discoverFormats(false)
                        .format(new TextFormat())
                        .destination(destination)
                        .clock(Clock.fixed(START, ZoneOffset.UTC))
                        .hostName("host-" + i)
                        .misfireGrace(Duration.ofHours(2))
                        .build());
            }
            List<ExportSchedule> schedules = create(hosts.get(0), documents);
            Instant end = START.plus(Duration.ofDays(30));
            Instant last = START;
            // every hour, off the minute; the grace period keeps every run on time
            for (Instant now = START.plusSeconds(7); !now.isAfter(end); now = now.plus(Duration.ofHours(1))) {
                Instant tickAt = now;
                List<Callable<TickReport>> ticks = new ArrayList<>();
                hosts.forEach(host -> ticks.add(() -> host.tick(tickAt)));
                for (Future<TickReport> tick : threads.invokeAll(ticks)) {
                    tick.get();
                }
                last = now;
            }
            Map<CountingDestination.Key, Integer> expected = new HashMap<>();
            NextRunCalculator calculator = NextRunCalculator.create();
            for (ExportSchedule s : schedules) {
                for (Instant occurrence : calculator.upcoming(s.schedule(), s.zone(), s.bounds(), START, 1_000)) {
                    if (occurrence.isAfter(last)) {
                        break;
                    }
                    expected.put(new CountingDestination.Key(s.id(), occurrence), 1);
                }
            }
            assertEquals(expected, destination.deliveries(), "each occurrence delivered exactly once");
            long ranOnOtherHosts = hosts.stream()
                    .skip(1)
                    .mapToLong(h -> h.counters().succeeded())
                    .sum();
            assertEquals(true, ranOnOtherHosts > 0, "the work was shared between the hosts");
        } finally {
            threads.shutdownNow();
            pools.forEach(HikariDataSource::close);
        }
    }

    private static List<ExportSchedule> create(ExportScheduleService service, Documents documents) {
        Random random = new Random(11);
        List<ExportSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            documents.put("owner-" + (i % 20), "doc-" + i, "v1");
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            Schedule schedule = switch (random.nextInt(5)) {
                case 0 -> Schedule.daily(time);
                case 1 -> Schedule.weekly(EnumSet.of(day, day.plus(3)), time);
                case 2 -> Schedule.monthlyOnLastDay(time);
                case 3 -> Schedule.monthlyOn(1 + random.nextInt(4), day, time);
                default -> Schedule.cron(time.getMinute() + " " + time.getHour() + " * * MON");
            };
            schedules.add(service.create(NewExportSchedule.builder()
                    .ownerId("owner-" + (i % 20))
                    .documentId("doc-" + i)
                    .name("schedule " + i)
                    .schedule(schedule)
                    .zone(ZONES.get(i % ZONES.size()))
                    .format("txt", Map.of())
                    .destination("counting", Map.of())
                    .build()));
        }
        return schedules;
    }
}
