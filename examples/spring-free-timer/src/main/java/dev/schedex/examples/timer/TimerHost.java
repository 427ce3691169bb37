package dev.schedex.examples.timer;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.ExportDocument;
import dev.schedex.store.InMemoryScheduleStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host without a framework: a {@link ScheduledExecutorService} calls {@link ExportScheduleService#tick()}
 * at a fixed delay, and the host shuts it down cleanly.
 *
 * <p>Why this shape:
 * <ul>
 *   <li>one thread ticks, with a fixed <em>delay</em>: a tick that takes long (many renders due) is
 *       never overlapped by the next one on this host (other hosts may tick at the same time: the
 *       store's claims keep every occurrence to one run);</li>
 *   <li>a tick that throws (the store is down) is caught and logged, because an exception would
 *       cancel every later run of a {@code scheduleWithFixedDelay} task;</li>
 *   <li>shutting down: {@code stopClaiming()} makes the tick in progress claim no further batch,
 *       {@code shutdown()} starts no new one and {@code awaitTermination} waits for it; then {@code
 *       releaseLeases()} frees whatever this host still holds, so another host takes it over at once.
 *       A host that cannot wait (it is being killed) loses nothing either: its claims expire after the
 *       lease and another host, or this one when it starts again, runs them.</li>
 * </ul>
 */
public final class TimerHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimerHost.class);

    private final ExportScheduleService service;
    private final ScheduledExecutorService timer;

    /**
     * Starts ticking.
     *
     * @param service the service to tick
     * @param every   the delay between the end of one tick and the start of the next
     */
    public TimerHost(ExportScheduleService service, Duration every) {
        this.service = service;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedex-ticks");
            thread.setDaemon(false); // the JVM waits for close() to end it
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            TickReport report = service.tick();
            if (report.claimed() > 0) {
                LOG.info(
                        "tick: {} claimed, {} succeeded, {} failed",
                        report.claimed(),
                        report.succeeded(),
                        report.failed());
            }
        } catch (RuntimeException e) {
            LOG.warn("tick failed; the next one retries", e); // never let it escape: that would stop the timer
        }
    }

    /**
     * Stops ticking: the tick in progress claims nothing more and finishes, no new one starts, and
     * this host's leases are released.
     *
     * @throws InterruptedException if interrupted while waiting for the last tick
     */
    @Override
    public void close() throws InterruptedException {
        service.stopClaiming();
        timer.shutdown();
        try {
            if (!timer.awaitTermination(1, TimeUnit.MINUTES)) {
                // a render is stuck past its own time limit: releasing its lease lets another host run
                // its occurrence again at once
                LOG.warn("the last tick did not finish within a minute; another host takes its runs over");
                timer.shutdownNow();
            }
        } finally {
            service.releaseLeases();
        }
    }

    /**
     * Runs a host for a few seconds with a schedule due every second, then shuts it down.
     *
     * @param args the folder to export into, optionally
     * @throws Exception if the exports cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/timer-exports");
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        ExportScheduleService service = service(store, folder);
        ExportSchedule schedule = service.create(NewExportSchedule.builder()
                .ownerId("demo")
                .documentId("status")
                .name("Every second")
                .schedule(Schedule.cron("* * * * * *"))
                .zone("UTC")
                .format("json", Map.of())
                .destination(FileSystemDestination.DEFAULT_NAME, Map.of("path", "{occurrence}.{ext}"))
                .build());
        try (TimerHost host = new TimerHost(service, Duration.ofMillis(250))) {
            Thread.sleep(3_000);
        }
        List<ExportRun> runs = service.runs("demo", schedule.id(), 100);
        System.out.println(runs.size() + " runs, none left running: "
                + runs.stream().allMatch(ExportRun::isFinished) + "; files in " + folder.toAbsolutePath());
    }

    /**
     * @param store  where the schedules live
     * @param folder where exports go
     * @return a service exporting one small document
     * @throws IOException if the folder cannot be created
     */
    static ExportScheduleService service(InMemoryScheduleStore store, Path folder) throws IOException {
        ExportDocument status =
                ExportDocument.of("status", "Status", "v1", Instant.EPOCH).withData("{\"healthy\":true}");
        return ExportScheduleService.builder()
                .store(store)
                .documentSource((owner, id) -> Optional.of(status).filter(d -> d.id().equals(id)))
                .destination(new FileSystemDestination(folder))
                .build();
    }
}
