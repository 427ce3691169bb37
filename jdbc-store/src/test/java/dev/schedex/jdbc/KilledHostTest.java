package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.RunStatus;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.schedule.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts as separate JVM processes on one PostgreSQL database: one is killed with SIGKILL in the
 * middle of a render; after its lease expires, another takes the run over and completes it, with no
 * partial file and no lost or doubled occurrence.
 */
class KilledHostTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:30:00Z");

    @TempDir
    Path exports;

    @Test
    void aHostKilledMidRenderLosesItsLeaseAndAnotherCompletesTheRun() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            JdbiScheduleStore store = db.storeBuilder().build();
            store.migrate();
            ExportScheduleService admin = ExportScheduleService.builder()
                    .store(store)
                    .documentSource((owner, id) -> Optional.empty())
                    .discoverFormats(false)
                    .format(HostProcess.slow(0))
                    .destination(new FileSystemDestination(exports))
                    .clock(Clock.fixed(CREATED, ZoneOffset.UTC))
                    .build();
            ExportSchedule schedule = admin.create(NewExportSchedule.builder()
                    .ownerId("alice")
                    .documentId("doc")
                    .name("hourly")
                    .schedule(Schedule.cron("0 * * * *"))
                    .zone("UTC")
                    .format("slow", Map.of())
                    .destination("filesystem", Map.of("path", "{document}-{occurrence}.{ext}"))
                    .build());
            Instant due = schedule.state().nextRunAt().orElseThrow();

            Process doomed = host(db, "host-a", 120_000, due);
            try {
                awaitRunning(store, schedule, doomed);
                doomed.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertTrue(doomed.waitFor(30, TimeUnit.SECONDS));
            } finally {
                doomed.destroyForcibly();
            }
            assertEquals(List.of(), files(), "the killed host left nothing behind");
            assertEquals(
                    RunStatus.RUNNING,
                    store.runs(schedule.id(), java.util.Optional.empty(), 1)
                            .get(0)
                            .status());

            Process survivor = host(db, "host-b", 0, due.plusSeconds(10));
            assertTrue(survivor.waitFor(120, TimeUnit.SECONDS), "host-b finished");
            String output = new String(survivor.getInputStream().readAllBytes());
            assertEquals(0, survivor.exitValue(), output);
            assertTrue(output.contains("host-b ticked: 1 succeeded"), output);

            List<ExportRun> runs = store.runs(schedule.id(), java.util.Optional.empty(), 10);
            assertEquals(1, runs.size(), "one run for the occurrence");
            ExportRun run = runs.get(0);
            assertEquals(due, run.occurrence());
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals(2, run.attempt());
            assertEquals("host-b", run.host());
            List<Path> files = files();
            assertEquals(1, files.size());
            assertEquals(HostProcess.CONTENT, Files.readString(files.get(0)));
            assertEquals(
                    Optional.of(due.plusSeconds(3600)),
                    store.find(schedule.id()).orElseThrow().state().nextRunAt());
        }
    }

    private Process host(TestDatabase db, String name, long renderMillis, Instant now) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostProcess.class.getName(),
                        db.dataSource().getJdbcUrl(),
                        db.dataSource().getUsername(),
                        db.schema(),
                        exports.toString(),
                        name,
                        Long.toString(renderMillis),
                        now.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitRunning(JdbiScheduleStore store, ExportSchedule schedule, Process host)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<ExportRun> runs = store.runs(schedule.id(), java.util.Optional.empty(), 1);
            if (!runs.isEmpty() && runs.get(0).status() == RunStatus.RUNNING) {
                return;
            }
            if (!host.isAlive()) {
                fail("the host exited before it started rendering");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        fail("the host did not start the run within a minute");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> walk = Files.walk(exports)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
