package dev.schedex.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.RetryPolicy;
import dev.schedex.schedule.Schedule;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.MutableClock;
import dev.schedex.testing.TextFormat;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedexMetricsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Documents documents = new Documents();
    private final SchedexMetrics metrics = SchedexMetrics.create(registry, Tags.empty(), clock);
    private final ExportScheduleService service = ExportScheduleService.builder()
            .store(new InMemoryScheduleStore())
            .documentSource(documents)
            .discoverFormats(false)
            .format(new TextFormat())
            .destination(new CountingDestination())
            .clock(clock)
            .retryPolicy(RetryPolicy.none())
            .pauseAfterConsecutiveFailures(1)
            .listener(metrics)
            .build();

    {
        metrics.bind(service);
    }

    private ExportSchedule daily(String owner, String document) {
        return service.create(NewExportSchedule.builder()
                .ownerId(owner)
                .documentId(document)
                .name("Nightly " + document)
                .schedule(Schedule.daily(LocalTime.of(2, 0)))
                .zone("UTC")
                .format("txt")
                .destination("counting", Map.of())
                .build());
    }

    @Test
    void aTickCountsItsRunsByFormatDestinationAndStatusAndTimesThem() {
        documents.put("alice", "doc-1", "v1");
        daily("alice", "doc-1");
        daily("bob", "doc-missing");
        clock.set(Instant.parse("2024-03-01T02:00:30Z"));

        service.tick();

        assertEquals(1.0, runs("succeeded"));
        assertEquals(1.0, runs("failed"));
        assertEquals(1.0, registry.get(SchedexMetrics.TICKS).counter().count());
        assertEquals(
                2.0,
                registry.get(SchedexMetrics.CLAIMS).tag("kind", "due").counter().count());
        assertEquals(
                0.0,
                registry.get(SchedexMetrics.CLAIMS)
                        .tag("kind", "taken_over")
                        .counter()
                        .count());
        assertEquals(
                1,
                registry.get(SchedexMetrics.RUN_DURATION)
                        .tag("phase", "render")
                        .timer()
                        .count());
        assertEquals(
                1,
                registry.get(SchedexMetrics.RUN_DURATION)
                        .tag("phase", "deliver")
                        .timer()
                        .count());
        // both runs started 30 s after their 02:00 occurrence
        assertEquals(2, registry.get(SchedexMetrics.RUN_LAG).timer().count());
        assertEquals(30.0, registry.get(SchedexMetrics.RUN_LAG).timer().max(TimeUnit.SECONDS), 0.001);
        assertEquals(2.0, registry.get(SchedexMetrics.TICK_CLAIMED).gauge().value());
    }

    @Test
    void theServicesCountersShowSchedulesItPausedAfterFailures() {
        daily("bob", "doc-missing");
        assertEquals(
                0.0, registry.get(SchedexMetrics.AUTO_PAUSED).functionCounter().count());
        clock.set(Instant.parse("2024-03-01T02:00:01Z"));

        service.tick();

        assertEquals(
                1.0, registry.get(SchedexMetrics.AUTO_PAUSED).functionCounter().count());
        assertEquals(
                0.0, registry.get(SchedexMetrics.LEASES_LOST).functionCounter().count());
    }

    @Test
    void theLastTickAgeGrowsWithTheClockAndIsNaNBeforeTheFirstTick() {
        assertTrue(
                Double.isNaN(registry.get(SchedexMetrics.LAST_TICK_AGE).gauge().value()));
        service.tick();
        clock.advance(Duration.ofSeconds(45));

        assertEquals(45.0, registry.get(SchedexMetrics.LAST_TICK_AGE).gauge().value(), 0.001);
    }

    @Test
    void noTagCarriesAnOwnerScheduleOrDocumentId() {
        documents.put("alice", "doc-1", "v1");
        ExportSchedule a = daily("alice", "doc-1");
        ExportSchedule b = daily("bob", "doc-missing");
        clock.set(Instant.parse("2024-03-01T02:00:30Z"));
        service.tick();

        Set<String> forbidden = Set.of("alice", "bob", "doc-1", "doc-missing", a.id().toString(), b.id().toString());
        Set<String> values = new HashSet<>();
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                values.add(tag.getValue());
            }
        }
        assertFalse(values.isEmpty());
        for (String value : values) {
            assertFalse(forbidden.contains(value), "a tag carries " + value);
        }
    }

    private double runs(String status) {
        return registry.get(SchedexMetrics.RUNS)
                .tag("format", "txt")
                .tag("destination", "counting")
                .tag("status", status)
                .counter()
                .count();
    }
}
