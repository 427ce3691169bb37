package dev.schedex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.destination.FileSystemDestination;
import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.Documents;
import dev.schedex.testing.MutableClock;
import dev.schedex.testing.TextFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportScheduleServiceTest {

    /** Friday 1 March 2024, 10:00 UTC (11:00 in Berlin). */
    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path exports;

    private MutableClock clock;
    private Documents documents;
    private InMemoryScheduleStore store;
    private ExportScheduleService service;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        clock = new MutableClock(START);
        documents = new Documents();
        documents.put("alice", "doc-1", "v1");
        documents.put("bob", "doc-9", "v1");
        store = new InMemoryScheduleStore();
        service = service(ExportScheduleService.builder());
    }

    private ExportScheduleService service(ExportScheduleService.Builder builder) throws IOException {
        return builder.store(store)
                .documentSource(documents)
                .clock(clock)
                .destination(new FileSystemDestination(exports))
                .pauseAfterConsecutiveFailures(5)
                .listener(new ExportListener() {
                    @Override
                    public void runStarted(ExportRun run) {
                        heard.add("started " + run.occurrence());
                    }

                    @Override
                    public void runSucceeded(ExportRun run) {
                        heard.add("succeeded " + run.occurrence());
                    }

                    @Override
                    public void runFailed(ExportRun run) {
                        heard.add("failed " + run.occurrence());
                    }

                    @Override
                    public void runSkipped(ExportRun run) {
                        heard.add("skipped " + run.occurrence());
                    }

                    @Override
                    public void schedulePaused(ExportSchedule schedule, String reason) {
                        heard.add("paused " + reason);
                    }
                })
                .build();
    }

    private static NewExportSchedule.Builder daily(String owner, String document, String time) {
        return NewExportSchedule.builder()
                .ownerId(owner)
                .documentId(document)
                .name("Daily " + document)
                .schedule(Schedule.daily(LocalTime.parse(time)))
                .zone("Europe/Berlin")
                .format("txt", Map.of())
                .destination("filesystem", Map.of("path", "{document}/{date}_{time}.{ext}"));
    }

    private ExportSchedule reload(ExportSchedule schedule) {
        return service.get(schedule.ownerId(), schedule.id());
    }

    private static Set<String> violations(Runnable action) {
        ValidationException e = assertThrows(ValidationException.class, action::run);
        return e.violations().stream().map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet());
    }

    @Nested
    class Creating {
        @Test
        void storesTheScheduleWithItsFirstRun() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-02T01:00:00Z")),
                    s.state().nextRunAt());
            assertEquals(s.state().nextRunAt(), s.state().nextOccurrence());
            assertEquals(s, service.get("alice", s.id()));
            assertEquals(START, s.createdAt());
            assertEquals(1, s.version());
            assertTrue(s.active());
            assertEquals(MisfirePolicy.RUN_ONCE, s.misfirePolicy());
        }

        @Test
        void takesTheScheduleAsARequestCarriesIt() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00")
                    .schedule(ScheduleInput.of("weekly", Map.of("days", "monday,FRI", "time", "06:30")))
                    .build());
            assertEquals(
                    Schedule.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(6, 30)), s.schedule());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-04T05:30:00Z")),
                    s.state().nextRunAt());
        }

        @Test
        void reportsEveryProblemAtOnceAndStoresNothing() {
            NewExportSchedule request = NewExportSchedule.builder()
                    .ownerId(" ")
                    .documentId("d".repeat(201))
                    .name("")
                    .schedule(ScheduleInput.of("weekly", Map.of("time", "25:00", "color", "red")))
                    .zone("Mars/Olympus")
                    .startAt(START)
                    .endAt(START.minusSeconds(1))
                    .format("txt", Map.of("upper", "yes", "repeat", 9, "font", "Comic"))
                    .destination("filesystem", Map.of("path", "../../etc/{document}.{ext}"))
                    .build();
            assertEquals(
                    Set.of(
                            "ownerId:required",
                            "documentId:too_long",
                            "name:required",
                            "schedule.days:required",
                            "schedule.time:out_of_range",
                            "schedule.color:unknown_field",
                            "zone:unknown_zone",
                            "endAt:before_start",
                            "formatSettings.upper:invalid_type",
                            "formatSettings.repeat:out_of_range",
                            "formatSettings.font:unknown_setting",
                            "destination.path:outside_root"),
                    violations(() -> service.create(request)));
            assertEquals(0, service.list(ScheduleQuery.owner(" ")).total());
        }

        @Test
        void namesEachScheduleKindProblem() {
            assertEquals(
                    Set.of("schedule.kind:required"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of("", Map.of()))
                            .build())));
            assertEquals(
                    Set.of("schedule.kind:unknown_kind"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of("hourly", Map.of()))
                            .build())));
            assertEquals(
                    Set.of("schedule.times:invalid_time"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of("daily", Map.of("times", "2 pm")))
                            .build())));
            assertEquals(
                    Set.of("schedule.dayOfMonth:out_of_range"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of("monthly", Map.of("dayOfMonth", "32", "time", "02:00")))
                            .build())));
            assertEquals(
                    Set.of("schedule.ordinal:out_of_range", "schedule.dayOfWeek:unknown_day"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of(
                                    "monthly-weekday",
                                    Map.of("ordinal", "6", "dayOfWeek", "Caturday", "time", "02:00")))
                            .build())));
            assertEquals(
                    Set.of("schedule.cron:cron.out_of_range"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(ScheduleInput.of("cron", Map.of("cron", "0 25 * * *")))
                            .build())));
            assertEquals(
                    Set.of("schedule:no_occurrence"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .schedule(Schedule.cron("0 0 30 2 *"))
                            .build())));
        }

        @Test
        void namesUnknownFormatsAndDestinations() {
            assertEquals(
                    Set.of("formatId:unknown_format", "destination.name:unknown_destination"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .format("gif", Map.of())
                            .destination("s3", Map.of())
                            .build())));
            assertEquals(
                    Set.of("formatId:required", "destination.name:required"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .format("", Map.of())
                            .destination("", Map.of())
                            .build())));
        }

        @Test
        void rejectsTooLongNamesAndIds() {
            assertEquals(
                    Set.of("ownerId:too_long", "name:too_long"),
                    violations(() -> service.create(daily("a".repeat(201), "doc-1", "02:00")
                            .name("n".repeat(201))
                            .build())));
        }

        @Test
        void aScheduleEndingBeforeItsFirstRunIsRefused() {
            assertEquals(
                    Set.of("schedule:no_occurrence"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .endAt(START.plusSeconds(60))
                            .build())));
        }
    }

    @Nested
    class Refusals {
        @Test
        void idsAndNamesAreStoredExactlyAsGivenNeverTrimmed() {
            documents.put(" alice", "doc-1 ", "v1");
            ExportSchedule s = service.create(
                    daily(" alice", "doc-1 ", "02:00").name(" Nightly ").build());
            assertEquals(" alice", s.ownerId());
            assertEquals("doc-1 ", s.documentId());
            assertEquals(" Nightly ", s.name());
            assertThrows(
                    ScheduleNotFoundException.class,
                    () -> service.get("alice", s.id()),
                    "' alice' and 'alice' are two owners");
            assertEquals(s, service.get(" alice", s.id()));
        }

        @Test
        void controlCharactersAreRefusedInIdsNamesAndDestinationParameters() {
            for (String c : List.of("\t", "\n", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\u009b")) {
                assertEquals(
                        Set.of(
                                "ownerId:control_character",
                                "documentId:control_character",
                                "name:control_character",
                                "destination.path:control_character"),
                        violations(() -> service.create(daily("al" + c + "ice", "doc" + c, "02:00")
                                .name("a" + c + "b")
                                .destination("filesystem", Map.of("path", "x" + c + "/{date}.{ext}"))
                                .build())),
                        "U+" + String.format("%04X", (int) c.charAt(0)));
                assertEquals(
                        Set.of(
                                "destination.pa" + c + "th:control_character",
                                "destination.pa" + c + "th:unknown_parameter"),
                        violations(() -> service.create(daily("alice", "doc-1", "02:00")
                                .destination("filesystem", Map.of("pa" + c + "th", "x.{ext}"))
                                .build())));
            }
        }

        @Test
        void pathTemplatesAreBoundedAsFileSystemsAre() {
            assertEquals(
                    Set.of("destination.path:too_long"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .destination("filesystem", Map.of("path", "a/".repeat(50_000) + "{date}.{ext}"))
                            .build())));
            assertEquals(
                    Set.of("destination.path:name_too_long"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .destination("filesystem", Map.of("path", "x".repeat(250) + ".{ext}"))
                            .build())),
                    "250 bytes and an extension of up to 16 make more than 255");
            assertEquals(
                    Set.of("destination.path:name_too_long"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .destination("filesystem", Map.of("path", "é".repeat(128) + ".txt"))
                            .build())),
                    "bytes, not characters, are counted");
            assertEquals(
                    Set.of("destination.path:name_too_long"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .destination("filesystem", Map.of("path", "{document}-{name}-{title}.{ext}"))
                            .build())),
                    "three placeholders of up to 120 characters each");
            service.create(daily("alice", "doc-1", "02:00")
                    .destination("filesystem", Map.of("path", "{owner}/{document}_{name}/{date}.{ext}"))
                    .build());
        }

        @Test
        void aNullValueIsAViolationNamingItsKey() {
            Map<String, Object> settings = new java.util.HashMap<>();
            settings.put("upper", null);
            Map<String, String> parameters = new java.util.HashMap<>();
            parameters.put("keep", null);
            assertEquals(
                    Set.of("formatSettings.upper:null_value", "destination.keep:null_value"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .format("txt", settings)
                            .destination("filesystem", parameters)
                            .build())));
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            assertEquals(
                    Set.of("formatSettings.upper:null_value"),
                    violations(() -> service.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder().formatSettings(settings).build())));
        }

        @Test
        void aScheduleThatNeverRunsIsReportedWithEveryOtherProblem() {
            assertEquals(
                    Set.of("name:required", "schedule:no_occurrence"),
                    violations(() -> service.create(daily("alice", "doc-1", "02:00")
                            .name("")
                            .endAt(START.plusSeconds(60))
                            .build())));
        }

        @Test
        void anUpdateThatMakesAPausedScheduleNeverRunIsRefused() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            service.pause("alice", s.id());
            assertEquals(
                    Set.of("schedule:no_occurrence"),
                    violations(() -> service.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder()
                                    .endAt(Optional.of(START.plusSeconds(60)))
                                    .build())));
            assertEquals(s.bounds(), service.get("alice", s.id()).bounds());
        }

        @Test
        void aNewFormatWithoutSettingsKeepsTheOldOnesIfTheyFitAndIsRefusedIfNot() throws IOException {
            ExportFormat strict =
                    ExportFormat.of("strict", "text/plain", "txt", (document, settings, context, out) -> {});
            ExportScheduleService withStrict = service(ExportScheduleService.builder()
                    .format(strict)
                    .format(new dev.schedex.testing.FixedFormat("lenient", new byte[] {2})));
            ExportSchedule s = withStrict.create(daily("alice", "doc-1", "02:00")
                    .format("txt", Map.of("upper", true))
                    .build());
            assertEquals(
                    Set.of("formatSettings.upper:unknown_setting"),
                    violations(() -> withStrict.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder().format("strict").build())),
                    "the settings are not dropped silently");
            ExportSchedule lenient = withStrict.update(
                    "alice", s.id(), ScheduleUpdate.builder().format("lenient").build());
            assertEquals(Map.of("upper", true), lenient.formatSettings().asMap());
            assertEquals(
                    Map.of(),
                    withStrict
                            .update(
                                    "alice",
                                    s.id(),
                                    ScheduleUpdate.builder()
                                            .format("strict", Map.of())
                                            .build())
                            .formatSettings()
                            .asMap());
        }

        @Test
        void aRunFinishingDoesNotMakeTheOwnersEditStale() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            long seen = s.version();
            clock.set(Instant.parse("2024-03-02T01:00:00Z"));
            assertEquals(1, service.tick().succeeded());
            ExportSchedule edited = service.update(
                    "alice",
                    s.id(),
                    ScheduleUpdate.builder()
                            .name("renamed")
                            .expectedVersion(seen)
                            .build());
            assertEquals(seen + 1, edited.version());
            assertEquals(1, edited.state().runCount(), "the edit keeps what the run recorded");
            assertEquals(
                    Optional.of(Instant.parse("2024-03-03T01:00:00Z")),
                    edited.state().nextRunAt());
        }

        @Test
        void everyRunStaysReachableThroughThePages() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00")
                    .schedule(Schedule.cron("* * * * *"))
                    .build());
            for (int minute = 1; minute <= 2_345; minute++) {
                service.tick(START.plusSeconds(60L * minute));
            }
            List<ExportRun> all = new ArrayList<>(service.runs("alice", s.id(), 1000));
            while (true) {
                List<ExportRun> page = service.runsBefore(
                        "alice", s.id(), all.get(all.size() - 1).occurrence(), 1000);
                all.addAll(page);
                if (page.size() < 1000) {
                    break;
                }
            }
            assertEquals(2_345, all.size());
            assertEquals(
                    2_345, all.stream().map(ExportRun::occurrence).distinct().count());
            assertEquals(START.plusSeconds(60L * 2_345), all.get(0).occurrence());
            assertEquals(START.plusSeconds(60), all.get(all.size() - 1).occurrence());
        }
    }

    @Nested
    class OwnerScope {
        @Test
        void anotherOwnersScheduleBehavesAsAMissingOne() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            UUID missing = UUID.randomUUID();
            for (UUID id : List.of(s.id(), missing)) {
                List<org.junit.jupiter.api.function.Executable> calls = List.of(
                        () -> service.get("bob", id),
                        () -> service.delete("bob", id),
                        () -> service.update(
                                "bob",
                                id,
                                ScheduleUpdate.builder().name("mine now").build()),
                        () -> service.pause("bob", id),
                        () -> service.resume("bob", id),
                        () -> service.runs("bob", id, 10),
                        () -> service.runsBefore("bob", id, START, 10),
                        () -> service.runNow("bob", id));
                for (org.junit.jupiter.api.function.Executable call : calls) {
                    assertEquals(
                            id,
                            assertThrows(ScheduleNotFoundException.class, call).scheduleId(),
                            "every method says 'not found' in the same way");
                }
            }
            assertEquals(0, service.list(ScheduleQuery.owner("bob")).total());
            assertEquals(s, reload(s), "nothing changed");
        }
    }

    @Nested
    class Listing {
        @Test
        void filtersAndPages() {
            ExportSchedule a = service.create(daily("alice", "doc-1", "02:00").build());
            clock.advance(Duration.ofSeconds(1));
            ExportSchedule b = service.create(daily("alice", "doc-2", "03:00").build());
            clock.advance(Duration.ofSeconds(1));
            ExportSchedule c = service.pause(
                    "alice",
                    service.create(daily("alice", "doc-1", "04:00").build()).id());
            service.create(daily("bob", "doc-9", "02:00").build());
            assertEquals(
                    List.of(a, b, c), service.list(ScheduleQuery.owner("alice")).items());
            assertEquals(
                    List.of(a, c),
                    service.list(ScheduleQuery.owner("alice").document("doc-1")).items());
            assertEquals(
                    List.of(a, b),
                    service.list(ScheduleQuery.owner("alice").active(true)).items());
            assertEquals(
                    List.of(c),
                    service.list(ScheduleQuery.owner("alice").active(false)).items());
            assertEquals(
                    List.of(),
                    service.list(ScheduleQuery.owner("alice").format("png")).items());
            Page<ExportSchedule> page =
                    service.list(ScheduleQuery.owner("alice").page(1, 1));
            assertEquals(List.of(b), page.items());
            assertEquals(3, page.total());
            assertTrue(page.hasMore());
        }
    }

    @Nested
    class Updating {
        @Test
        void changingTheTimeRecomputesTheNextRunAndKeepsTheRest() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00")
                    .format("txt", Map.of("upper", true))
                    .build());
            clock.advance(Duration.ofMinutes(5));
            ExportSchedule changed = service.update(
                    "alice",
                    s.id(),
                    ScheduleUpdate.builder()
                            .schedule(Schedule.daily(LocalTime.of(23, 0)))
                            .build());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-01T22:00:00Z")),
                    changed.state().nextRunAt());
            assertEquals(s.name(), changed.name());
            assertEquals(s.formatSettings(), changed.formatSettings());
            assertEquals(s.version() + 1, changed.version());
            assertEquals(START.plusSeconds(300), changed.updatedAt());
            assertEquals(changed, reload(s));
        }

        @Test
        void changingTheZoneOrDaysRecomputesTheNextRun() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "12:00").build());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-01T11:00:00Z")),
                    s.state().nextRunAt());
            ExportSchedule inNewYork = service.update(
                    "alice",
                    s.id(),
                    ScheduleUpdate.builder().zone("America/New_York").build());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-01T17:00:00Z")),
                    inNewYork.state().nextRunAt());
            ExportSchedule mondays = service.update(
                    "alice",
                    s.id(),
                    ScheduleUpdate.builder()
                            .schedule(ScheduleInput.of("weekly", Map.of("days", "MON", "time", "12:00")))
                            .build());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-04T17:00:00Z")),
                    mondays.state().nextRunAt());
        }

        @Test
        void aNewFormatStartsWithItsOwnSettingsAndInvalidChangesAreRefused() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00")
                    .format("txt", Map.of("repeat", 2))
                    .build());
            assertEquals(
                    Set.of("formatSettings.repeat:out_of_range", "zone:unknown_zone"),
                    violations(() -> service.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder()
                                    .formatSettings(Map.of("repeat", 7))
                                    .zone("Nowhere/Town")
                                    .build())));
            assertEquals(s, reload(s), "nothing stored");
        }

        @Test
        void aStaleVersionOrADeletedScheduleIsRefused() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            service.update(
                    "alice", s.id(), ScheduleUpdate.builder().name("renamed").build());
            StaleVersionException stale = assertThrows(
                    StaleVersionException.class,
                    () -> service.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder()
                                    .name("again")
                                    .expectedVersion(s.version())
                                    .build()));
            assertEquals(s.version() + 1, stale.currentVersion());
            service.delete("alice", s.id());
            assertThrows(
                    ScheduleNotFoundException.class,
                    () -> service.update(
                            "alice",
                            s.id(),
                            ScheduleUpdate.builder().name("ghost").build()));
        }
    }

    @Nested
    class PausingAndResuming {
        @Test
        void aPausedScheduleDoesNotRunUntilResumed() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            ExportSchedule paused = service.pause("alice", s.id());
            assertFalse(paused.active());
            assertEquals(Optional.empty(), paused.state().nextRunAt());
            clock.set(Instant.parse("2024-03-05T12:00:00Z"));
            assertEquals(0, service.tick().claimed());
            ExportSchedule resumed = service.resume("alice", s.id());
            assertTrue(resumed.active());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-06T01:00:00Z")),
                    resumed.state().nextRunAt());
        }
    }

    @Nested
    class Ticking {
        @Test
        void runsWhatIsDueAndRecordsEverything() throws Exception {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            Instant occurrence = Instant.parse("2024-03-02T01:00:00Z");
            TickReport early = service.tick(occurrence.minusSeconds(1));
            assertEquals(0, early.claimed());
            TickReport report = service.tick(occurrence.plusSeconds(90));
            assertEquals(1, report.succeeded());
            ExportRun run = report.runs().get(0);
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals(occurrence, run.occurrence());
            assertEquals(1, run.attempt());
            assertEquals(Optional.of("doc-1/2024-03-02_02-00-00.txt"), run.location());
            byte[] written = Files.readAllBytes(exports.resolve(run.location().orElseThrow()));
            assertEquals("Title of doc-1 @ 2024-03-02T01:00:00Z\n# Notes of doc-1\n", new String(written));
            assertEquals(Optional.of((long) written.length), run.size());
            assertEquals(
                    Optional.of(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(written))),
                    run.checksum());
            assertEquals(Optional.of("v1"), run.documentVersion());
            assertTrue(run.renderTime().isPresent() && run.deliveryTime().isPresent());
            assertEquals(List.of(run), service.runs("alice", s.id(), 10));

            ExportSchedule after = reload(s);
            assertEquals(
                    Optional.of(Instant.parse("2024-03-03T01:00:00Z")),
                    after.state().nextRunAt(),
                    "the next run follows the occurrence, not the time of the tick");
            assertEquals(Optional.of(RunStatus.SUCCEEDED), after.state().lastStatus());
            assertEquals(Optional.of(occurrence.plusSeconds(90)), after.state().lastRunAt());
            assertEquals(1, after.state().runCount());
            assertEquals(List.of("started " + occurrence, "succeeded " + occurrence), heard);
            assertEquals(0, service.tick(occurrence.plusSeconds(120)).claimed(), "an occurrence runs once");
        }

        @Test
        void warningsFromTheFormatBecomeTheMessageOfARunThatSucceeded() throws IOException {
            ExportFormat fixed = new dev.schedex.testing.FixedFormat("warns", new byte[] {1});
            ExportFormat warning = new ExportFormat() {
                @Override
                public String id() {
                    return fixed.id();
                }

                @Override
                public String mediaType() {
                    return fixed.mediaType();
                }

                @Override
                public String fileExtension() {
                    return fixed.fileExtension();
                }

                @Override
                public List<Violation> validateSettings(FormatSettings settings) {
                    return List.of();
                }

                @Override
                public void render(
                        ExportDocument document,
                        FormatSettings settings,
                        ExportContext context,
                        java.io.OutputStream out)
                        throws IOException {
                    context.warn("an image from https://example.com/a.png was not loaded");
                    fixed.render(document, settings, context, out);
                }
            };
            ExportScheduleService warned =
                    service(ExportScheduleService.builder().format(warning));
            warned.create(daily("alice", "doc-1", "02:00").format("warns").build());
            ExportRun run =
                    warned.tick(Instant.parse("2024-03-02T01:00:00Z")).runs().get(0);
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals(
                    Optional.of("succeeded with warnings: an image from https://example.com/a.png was not loaded"),
                    run.message());
        }

        @Test
        void aFailureIsRetriedWithBackoffOnTheSameRun() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            Instant occurrence = Instant.parse("2024-03-02T01:00:00Z");
            documents.failWith("alice", "doc-1", new IllegalStateException("the document service is down"));
            ExportRun failed = service.tick(occurrence).runs().get(0);
            assertEquals(RunStatus.FAILED, failed.status());
            assertEquals(Optional.of("IllegalStateException: the document service is down"), failed.message());
            ExportSchedule waiting = reload(s);
            assertEquals(
                    Optional.of(occurrence.plusSeconds(60)), waiting.state().nextRunAt(), "retry after a minute");
            assertEquals(Optional.of(occurrence), waiting.state().nextOccurrence(), "for the same occurrence");
            assertEquals(1, waiting.state().consecutiveFailures());

            assertEquals(
                    RunStatus.FAILED,
                    service.tick(occurrence.plusSeconds(60)).runs().get(0).status());
            assertEquals(
                    Optional.of(occurrence.plusSeconds(180)), reload(s).state().nextRunAt(), "then two minutes");
            documents.stopFailing("alice", "doc-1");
            ExportRun third = service.tick(occurrence.plusSeconds(180)).runs().get(0);
            assertEquals(RunStatus.SUCCEEDED, third.status());
            assertEquals(3, third.attempt());
            assertEquals(failed.id(), third.id());
            assertEquals(List.of(third), service.runs("alice", s.id(), 10), "one run per occurrence");
            ExportSchedule done = reload(s);
            assertEquals(0, done.state().consecutiveFailures());
            assertEquals(2, done.state().errorCount());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-03T01:00:00Z")),
                    done.state().nextRunAt());
        }

        @Test
        void aPermanentFailureIsNotRetriedAndTheScheduleMovesOn() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            Instant occurrence = Instant.parse("2024-03-02T01:00:00Z");
            documents.failWith("alice", "doc-1", new ExportException("destination 'reports-s3': access denied"));
            ExportRun failed = service.tick(occurrence).runs().get(0);
            assertEquals(RunStatus.FAILED, failed.status());
            assertEquals(Optional.of("destination 'reports-s3': access denied"), failed.message());
            ExportSchedule after = reload(s);
            assertEquals(
                    Optional.of(Instant.parse("2024-03-03T01:00:00Z")),
                    after.state().nextRunAt());
            assertEquals(1, after.state().consecutiveFailures(), "it still counts towards pausing");
        }

        @Test
        void aTemporaryFailureWaitsAtLeastAsLongAsTheServerAsked() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            Instant occurrence = Instant.parse("2024-03-02T01:00:00Z");
            documents.failWith("alice", "doc-1", ExportException.temporary("throttled (429)", Duration.ofMinutes(7)));
            service.tick(occurrence);
            assertEquals(
                    Optional.of(occurrence.plus(Duration.ofMinutes(7))),
                    reload(s).state().nextRunAt());
            documents.failWith("alice", "doc-1", ExportException.temporary("throttled (429)", Duration.ofSeconds(5)));
            service.tick(occurrence.plus(Duration.ofMinutes(7)));
            assertEquals(
                    Optional.of(occurrence.plus(Duration.ofMinutes(9))),
                    reload(s).state().nextRunAt(),
                    "the policy's two minutes, longer than the five seconds asked for");
        }

        @Test
        void aRetryNeverGoesPastTheNextRegularOccurrence() throws IOException {
            ExportScheduleService slowRetries = service(
                    ExportScheduleService.builder().retryPolicy(RetryPolicy.exponential(5, Duration.ofHours(2))));
            ExportSchedule s = slowRetries.create(daily("alice", "doc-1", "02:00")
                    .schedule(Schedule.cron("0 * * * *"))
                    .build());
            documents.failWith("alice", "doc-1", new IllegalStateException("down"));
            Instant occurrence = Instant.parse("2024-03-01T11:00:00Z");
            slowRetries.tick(occurrence);
            ExportSchedule after = reload(s);
            assertEquals(
                    Optional.of(occurrence.plusSeconds(3600)), after.state().nextRunAt());
            assertEquals(after.state().nextRunAt(), after.state().nextOccurrence());
        }

        @Test
        void repeatedFailuresPauseTheScheduleAndSayWhy() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            documents.remove("alice", "doc-1");
            Instant now = Instant.parse("2024-03-02T01:00:00Z");
            for (int i = 0; i < 5; i++) {
                ExportRun run = service.tick(now).runs().get(0);
                assertEquals(
                        Optional.of(
                                "document 'doc-1' no longer exists, or its owner 'alice' can no longer " + "see it"),
                        run.message());
                now = reload(s).state().nextRunAt().orElse(now);
            }
            ExportSchedule paused = reload(s);
            assertFalse(paused.active());
            assertEquals(Optional.empty(), paused.state().nextRunAt());
            assertTrue(
                    paused.state()
                            .pausedReason()
                            .orElseThrow()
                            .startsWith("paused after 5 consecutive failures; "
                                    + "the last: document 'doc-1' no longer exists"),
                    paused.state().pausedReason().orElseThrow());
            assertTrue(heard.get(heard.size() - 1).startsWith("paused "), heard.toString());
            assertEquals(1, service.counters().paused());
            assertEquals(5, service.counters().failed());
        }

        @Test
        void aFailingScheduleDoesNotDisturbTheOthersInTheTick() {
            ExportSchedule broken =
                    service.create(daily("alice", "doc-404", "02:00").build());
            ExportSchedule fine = service.create(daily("bob", "doc-9", "02:00").build());
            TickReport report = service.tick(Instant.parse("2024-03-02T01:00:00Z"));
            assertEquals(2, report.claimed());
            assertEquals(1, report.failed());
            assertEquals(1, report.succeeded());
            assertEquals(Optional.of(RunStatus.FAILED), reload(broken).state().lastStatus());
            assertEquals(Optional.of(RunStatus.SUCCEEDED), reload(fine).state().lastStatus());
        }

        @Test
        void aFormatThatCannotExportTheDocumentFailsWithItsMessage() {
            service.create(daily("alice", "no-notes", "02:00").build());
            ExportDocument bare = ExportDocument.of("no-notes", "Bare", "v1", START);
            ExportScheduleService withBare = ExportScheduleService.builder()
                    .store(store)
                    .clock(clock)
                    .documentSource((owner, id) -> Optional.of(bare))
                    .destination(destination())
                    .build();
            ExportRun run =
                    withBare.tick(Instant.parse("2024-03-02T01:00:00Z")).runs().get(0);
            assertEquals(Optional.of("document 'no-notes' has no notes to export as text"), run.message());
        }

        private FileSystemDestination destination() {
            try {
                return new FileSystemDestination(exports);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void anUnchangedDocumentIsSkippedWhenAskedTo() {
            ExportSchedule s = service.create(
                    daily("alice", "doc-1", "02:00").onlyWhenChanged(true).build());
            assertEquals(1, service.tick(Instant.parse("2024-03-02T01:00:00Z")).succeeded());
            TickReport unchanged = service.tick(Instant.parse("2024-03-03T01:00:00Z"));
            assertEquals(1, unchanged.skipped());
            assertEquals(
                    Optional.of("document version v1 has not changed since the last export"),
                    unchanged.runs().get(0).message());
            documents.put("alice", "doc-1", "v2");
            assertEquals(1, service.tick(Instant.parse("2024-03-04T01:00:00Z")).succeeded());
            assertEquals(Optional.of("v2"), reload(s).state().lastExportedVersion());
            assertEquals(2, service.counters().succeeded());
            assertEquals(1, service.counters().skipped());
        }

        @Test
        void runNowRunsImmediatelyAndKeepsTheRegularTiming() {
            ExportSchedule s = service.pause(
                    "alice",
                    service.create(daily("alice", "doc-1", "02:00").build()).id());
            clock.advance(Duration.ofMillis(1500));
            ExportRun run = service.runNow("alice", s.id());
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals(START.plusSeconds(1), run.occurrence());
            ExportSchedule after = reload(s);
            assertFalse(after.active());
            assertEquals(Optional.empty(), after.state().nextRunAt());
            assertEquals(1, after.state().runCount());
        }
    }

    @Nested
    class Operations {
        @Test
        void aRenderExecutorRunsTheBatchAndTheTickWaitsForIt() throws IOException {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                ExportScheduleService parallel = service(
                        ExportScheduleService.builder().renderExecutor(pool).batchSize(3));
                for (int i = 0; i < 10; i++) {
                    documents.put("alice", "doc-p" + i, "v1");
                    parallel.create(daily("alice", "doc-p" + i, "02:00").build());
                }
                TickReport report = parallel.tick(Instant.parse("2024-03-02T01:00:00Z"));
                assertEquals(10, report.claimed());
                assertEquals(10, report.succeeded());
                assertEquals(10, report.runs().size());
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theNextBatchIsClaimedWhileThePreviousOneRunsButNoFurtherAhead() throws IOException {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CountDownLatch secondBatch = new java.util.concurrent.CountDownLatch(1);
            try {
                // with batches of 2, a third export at once means the second batch started before the
                // first was done: until then, the first batch's exports wait (and fail after 10 s)
                ExportScheduleService pipelined = ExportScheduleService.builder()
                        .store(store)
                        .clock(clock)
                        .destination(new FileSystemDestination(exports))
                        .renderExecutor(pool)
                        .batchSize(2)
                        .documentSource((owner, id) -> {
                            int now = running.incrementAndGet();
                            most.accumulateAndGet(now, Math::max);
                            if (now > 2) {
                                secondBatch.countDown();
                            }
                            try {
                                if (!secondBatch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                                    throw new IllegalStateException("the second batch never started");
                                }
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            } finally {
                                running.decrementAndGet();
                            }
                            return documents.load(owner, id);
                        })
                        .build();
                for (int i = 0; i < 10; i++) {
                    documents.put("alice", "doc-p" + i, "v1");
                    pipelined.create(daily("alice", "doc-p" + i, "02:00").build());
                }
                TickReport report = pipelined.tick(Instant.parse("2024-03-02T01:00:00Z"));
                assertEquals(10, report.succeeded(), report.runs().toString());
                assertTrue(most.get() <= 4, "at most two batches at once, saw " + most.get() + " exports");
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aTickWhoseNextClaimFailsReturnsOnlyOnceThePreviousBatchIsRecorded() throws IOException {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch claimFailed = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger claims = new java.util.concurrent.atomic.AtomicInteger();
            // the second claim fails; the first batch's exports finish only after it has
            dev.schedex.spi.store.ScheduleStore failing =
                    (dev.schedex.spi.store.ScheduleStore) java.lang.reflect.Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {dev.schedex.spi.store.ScheduleStore.class},
                            (proxy, method, args) -> {
                                if (method.getName().equals("claimDue") && claims.incrementAndGet() == 2) {
                                    claimFailed.countDown();
                                    throw new IllegalStateException("the database went away");
                                }
                                try {
                                    return method.invoke(store, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
            try {
                ExportScheduleService ticking = ExportScheduleService.builder()
                        .store(failing)
                        .clock(clock)
                        .destination(new FileSystemDestination(exports))
                        .renderExecutor(pool)
                        .batchSize(2)
                        .documentSource((owner, id) -> {
                            try {
                                claimFailed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return documents.load(owner, id);
                        })
                        .build();
                List<ExportSchedule> created = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    documents.put("alice", "doc-f" + i, "v1");
                    created.add(
                            ticking.create(daily("alice", "doc-f" + i, "02:00").build()));
                }
                StoreException failed =
                        assertThrows(StoreException.class, () -> ticking.tick(Instant.parse("2024-03-02T01:00:00Z")));
                assertEquals("claim due schedules", failed.step(), "the exception says what failed");
                assertEquals("the database went away", failed.getCause().getMessage(), "and keeps the cause");
                List<RunStatus> statuses = created.stream()
                        .flatMap(s -> store.runs(s.id(), java.util.Optional.empty(), 10).stream())
                        .map(ExportRun::status)
                        .toList();
                assertEquals(
                        List.of(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED),
                        statuses,
                        "the first batch was recorded before the tick threw");
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void oldRunsAreDeletedByTheRetention() throws IOException {
            ExportScheduleService retaining =
                    service(ExportScheduleService.builder().runRetention(Duration.ofDays(2)));
            ExportSchedule s = retaining.create(daily("alice", "doc-1", "02:00").build());
            for (int day = 2; day <= 6; day++) {
                retaining.tick(Instant.parse("2024-03-0" + day + "T01:00:00Z"));
            }
            List<Instant> kept = retaining.runs("alice", s.id(), 10).stream()
                    .map(ExportRun::occurrence)
                    .toList();
            assertEquals(
                    List.of(
                            Instant.parse("2024-03-06T01:00:00Z"),
                            Instant.parse("2024-03-05T01:00:00Z"),
                            Instant.parse("2024-03-04T01:00:00Z")),
                    kept);
        }

        @Test
        void aListenerThatThrowsDisturbsNothing() throws IOException {
            ExportScheduleService withBadListener =
                    service(ExportScheduleService.builder().listener(new ExportListener() {
                        @Override
                        public void runSucceeded(ExportRun run) {
                            throw new IllegalStateException("listener bug");
                        }
                    }));
            withBadListener.create(daily("alice", "doc-1", "02:00").build());
            assertEquals(
                    1,
                    withBadListener.tick(Instant.parse("2024-03-02T01:00:00Z")).succeeded());
            assertTrue(heard.contains("succeeded 2024-03-02T01:00:00Z"), "the other listener still heard it");
        }

        @Test
        void countersAddUp() {
            service.create(daily("alice", "doc-1", "02:00").build());
            service.create(daily("alice", "doc-missing", "02:00").build());
            service.tick(Instant.parse("2024-03-02T01:00:00Z"));
            ServiceCounters counters = service.counters();
            assertEquals(new ServiceCounters(1, 2, 1, 1, 0, 0, 0), counters);
        }
    }

    @Nested
    class Misfires {
        /** Created Friday 1 March; no host ticks until Monday 4 March 12:00 UTC: runs of 2, 3, 4 March were missed. */
        private final Instant back = Instant.parse("2024-03-04T12:00:00Z");

        @Test
        void runOnceRunsTheLatestMissedOccurrence() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00").build());
            TickReport report = service.tick(back);
            assertEquals(1, report.runs().size());
            assertEquals(
                    Instant.parse("2024-03-04T01:00:00Z"), report.runs().get(0).occurrence());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-05T01:00:00Z")),
                    reload(s).state().nextRunAt());
        }

        @Test
        void skipRecordsOneSkippedRunAndMovesOn() {
            ExportSchedule s = service.create(daily("alice", "doc-1", "02:00")
                    .misfirePolicy(MisfirePolicy.SKIP)
                    .build());
            TickReport report = service.tick(back);
            assertEquals(1, report.skipped());
            ExportRun skipped = report.runs().get(0);
            assertEquals(Instant.parse("2024-03-04T01:00:00Z"), skipped.occurrence());
            assertEquals(
                    Optional.of("occurrences from 2024-03-02T01:00:00Z to 2024-03-04T01:00:00Z were missed "
                            + "while no host ticked; skipped by misfire policy SKIP"),
                    skipped.message());
            assertEquals(
                    Optional.of(Instant.parse("2024-03-05T01:00:00Z")),
                    reload(s).state().nextRunAt());
            assertEquals(0, exportedFiles(), "nothing delivered");
        }

        @Test
        void runAllRunsEachMissedOccurrenceInOrder() {
            service.create(daily("alice", "doc-1", "02:00")
                    .misfirePolicy(MisfirePolicy.RUN_ALL)
                    .build());
            TickReport report = service.tick(back);
            assertEquals(
                    List.of(
                            Instant.parse("2024-03-02T01:00:00Z"),
                            Instant.parse("2024-03-03T01:00:00Z"),
                            Instant.parse("2024-03-04T01:00:00Z")),
                    report.runs().stream().map(ExportRun::occurrence).toList());
            assertEquals(3, exportedFiles());
        }

        @Test
        void runAllIsBoundedToTheLatestOccurrences() throws IOException {
            ExportScheduleService bounded =
                    service(ExportScheduleService.builder().maxCatchUp(2));
            bounded.create(daily("alice", "doc-1", "02:00")
                    .misfirePolicy(MisfirePolicy.RUN_ALL)
                    .build());
            TickReport report = bounded.tick(back);
            assertEquals(
                    List.of(Instant.parse("2024-03-03T01:00:00Z"), Instant.parse("2024-03-04T01:00:00Z")),
                    report.runs().stream().map(ExportRun::occurrence).toList());
        }

        @Test
        void aTickWithinTheGracePeriodIsNotAMisfire() {
            service.create(daily("alice", "doc-1", "02:00")
                    .misfirePolicy(MisfirePolicy.SKIP)
                    .build());
            TickReport report = service.tick(Instant.parse("2024-03-02T01:04:59Z"));
            assertEquals(1, report.succeeded());
        }

        private long exportedFiles() {
            try (var files = Files.walk(exports)) {
                return files.filter(p -> p.toString().endsWith(".txt")).count();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class Building {
        @Test
        void formatsAreFoundWithTheServiceLoader() {
            assertEquals(Set.of("txt"), service.formats().keySet());
        }

        @Test
        void twoAddedFormatsWithOneIdAreRefused() {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> ExportScheduleService.builder()
                            .store(store)
                            .documentSource(documents)
                            .format(new TextFormat())
                            .format(new TextFormat())
                            .build());
            assertTrue(e.getMessage().contains("two export formats with id 'txt'"), e.getMessage());
        }

        @Test
        void anAddedFormatReplacesAFoundOneWithItsId() {
            TextFormat configured = new TextFormat();
            ExportScheduleService replaced = ExportScheduleService.builder()
                    .store(store)
                    .documentSource(documents)
                    .format(configured)
                    .build();
            assertSame(configured, replaced.formats().get("txt"));
        }

        @Test
        void aStoreAndADocumentSourceAreRequired() {
            assertThrows(
                    IllegalStateException.class,
                    () -> ExportScheduleService.builder().store(store).build());
        }

        @Test
        void discoveryCanBeTurnedOff() {
            ExportFormat other = new dev.schedex.testing.FixedFormat("other", new byte[0]);
            ExportScheduleService only = ExportScheduleService.builder()
                    .store(store)
                    .documentSource(documents)
                    .discoverFormats(false)
                    .format(other)
                    .build();
            assertEquals(Set.of("other"), only.formats().keySet());
        }
    }
}
