package dev.schedex.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.RunStatus;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDocument;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.MutableClock;
import dev.schedex.testing.TextFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedexTickerTest {

    @Test
    void stoppingLetsTheTickInFlightFinishItsRunAndStartsNoOther() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        ExportScheduleService service = ExportScheduleService.builder()
                .store(new InMemoryScheduleStore())
                .documentSource((owner, id) -> {
                    loading.countDown();
                    proceed.await();
                    return Optional.of(
                            ExportDocument.of(id, "Doc", "v1", Instant.EPOCH).withNotes("# notes"));
                })
                .discoverFormats(false)
                .format(new TextFormat())
                .destination(new CountingDestination())
                .clock(clock)
                .build();
        ExportSchedule schedule = service.create(NewExportSchedule.builder()
                .ownerId("alice")
                .documentId("doc-1")
                .name("Nightly")
                .schedule(Schedule.daily(LocalTime.of(2, 0)))
                .zone("UTC")
                .format("txt")
                .destination("counting", Map.of())
                .build());
        clock.set(Instant.parse("2026-12-01T02:00:05Z"));
        SchedexTicker ticker = new SchedexTicker(service, null, true, Duration.ofMillis(20), Duration.ofMinutes(1));

        ticker.start();
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(ticker::stop);
        stopping.start();
        // stop waits for the run in flight: it cannot have returned while the render is held
        assertThat(stopping.isAlive()).isTrue();
        proceed.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(stopping.isAlive()).isFalse();
        assertThat(ticker.isRunning()).isFalse();
        List<ExportRun> runs = service.runs("alice", schedule.id(), 10);
        assertThat(runs).singleElement().extracting(ExportRun::status).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ticker.lastSuccessfulTick()).isPresent();
        long ticks = service.counters().ticks();
        assertThat(ticker.tickOnce()).isFalse();
        assertThat(service.counters().ticks()).isEqualTo(ticks);
    }

    @Test
    void aRunThatOutlivesTheShutdownTimeoutLosesItsLeaseSoAnotherInstanceTakesItOverAtOnce() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        ExportScheduleService stopping = service(store, clock, "host-a", (owner, id) -> {
            loading.countDown();
            // a render that does not heed the interrupt the ticker's own thread gets at shutdown
            boolean interrupted = false;
            while (true) {
                try {
                    proceed.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(ExportDocument.of(id, "Doc", "v1", Instant.EPOCH).withNotes("# notes"));
        });
        ExportScheduleService other = service(
                store,
                clock,
                "host-b",
                (owner, id) -> Optional.of(
                        ExportDocument.of(id, "Doc", "v1", Instant.EPOCH).withNotes("# notes")));
        ExportSchedule schedule = stopping.create(NewExportSchedule.builder()
                .ownerId("alice")
                .documentId("doc-1")
                .name("Nightly")
                .schedule(Schedule.daily(LocalTime.of(2, 0)))
                .zone("UTC")
                .format("txt")
                .destination("counting", Map.of())
                .build());
        clock.set(Instant.parse("2026-12-01T02:00:05Z"));
        SchedexTicker ticker = new SchedexTicker(stopping, null, true, Duration.ofMillis(20), Duration.ofMillis(50));
        ticker.start();
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();

        ticker.stop(); // returns after the timeout, with the run still held
        ExportRun takenOver = other.tick().runs().get(0);
        assertThat(takenOver.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(takenOver.attempt()).as("the occurrence host-a had started").isEqualTo(2);
        assertThat(takenOver.host()).isEqualTo("host-b");

        proceed.countDown();
        // host-a's late result is not recorded over host-b's: its lease was lost
        for (int i = 0; i < 600 && stopping.counters().leasesLost() == 0; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(stopping.counters().leasesLost()).isEqualTo(1);
        ExportRun only = other.runs("alice", schedule.id(), 10).get(0);
        assertThat(only.id()).isEqualTo(takenOver.id());
        assertThat(only.host()).isEqualTo("host-b");
    }

    private static ExportScheduleService service(
            InMemoryScheduleStore store, MutableClock clock, String host, DocumentSource documents) {
        return ExportScheduleService.builder()
                .store(store)
                .documentSource(documents)
                .discoverFormats(false)
                .format(new TextFormat())
                .destination(new CountingDestination())
                .clock(clock)
                .hostName(host)
                .build();
    }
}
