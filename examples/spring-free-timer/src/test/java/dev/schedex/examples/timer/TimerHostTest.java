package dev.schedex.examples.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.schedule.Schedule;
import dev.schedex.store.InMemoryScheduleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimerHostTest {

    @TempDir
    Path folder;

    @Test
    void theTimerRunsDueSchedulesAndLeavesNothingClaimedWhenClosed() throws Exception {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        ExportScheduleService service = TimerHost.service(store, folder);
        ExportSchedule schedule = service.create(NewExportSchedule.builder()
                .ownerId("demo")
                .documentId("status")
                .name("Every second")
                .schedule(Schedule.cron("* * * * * *"))
                .zone("UTC")
                .format("json", Map.of())
                .destination(FileSystemDestination.DEFAULT_NAME, Map.of("path", "{occurrence}.{ext}"))
                .build());
        try (TimerHost host = new TimerHost(service, Duration.ofMillis(50))) {
            Thread.sleep(2_500);
        }
        List<ExportRun> runs = service.runs("demo", schedule.id(), 100);
        assertTrue(runs.size() >= 2, "a run a second: " + runs.size());
        assertTrue(runs.stream().allMatch(ExportRun::isFinished), "no run is left claimed: " + runs);
        long written;
        try (Stream<Path> files = Files.list(folder)) {
            written = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertEquals(runs.size(), written, "one file per run");
        int after = service.runs("demo", schedule.id(), 100).size();
        Thread.sleep(1_200);
        assertEquals(after, service.runs("demo", schedule.id(), 100).size(), "no tick after close");
        Instant later = Instant.now().plusSeconds(2);
        assertEquals(
                1,
                store.claimDue(later, 10, "another-host", later.plusSeconds(60)).size(),
                "another host claims the schedule at once: this one left no lease behind");
    }
}
