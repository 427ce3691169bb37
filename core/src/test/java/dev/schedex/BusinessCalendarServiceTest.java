package dev.schedex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.calendar.BusinessCalendar;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.schedule.NonBusinessDay;
import dev.schedex.schedule.Schedule;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.Documents;
import dev.schedex.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service and business calendars: registered by name, checked at create, missing at a run. */
class BusinessCalendarServiceTest {

    /** Friday 1 March 2024, 10:00 UTC (11:00 in Berlin). */
    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path exports;

    private MutableClock clock;
    private Documents documents;
    private InMemoryScheduleStore store;
    private final List<String> paused = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        documents = new Documents();
        documents.put("alice", "doc-1", "v1");
        documents.put("bob", "doc-9", "v1");
        store = new InMemoryScheduleStore();
    }

    private ExportScheduleService service(boolean withCalendar) throws IOException {
        ExportScheduleService.Builder builder = ExportScheduleService.builder()
                .store(store)
                .documentSource(documents)
                .clock(clock)
                .destination(new FileSystemDestination(exports))
                .listener(new ExportListener() {
                    @Override
                    public void schedulePaused(ExportSchedule schedule, String reason) {
                        paused.add(schedule.ownerId() + ": " + reason);
                    }
                });
        if (withCalendar) {
            builder.calendar("de-holidays", BusinessCalendar.weekendsOff());
        }
        return builder.build();
    }

    private static NewExportSchedule request(String owner, String document, Schedule schedule) {
        return NewExportSchedule.builder()
                .ownerId(owner)
                .documentId(document)
                .name("Noon " + document)
                .schedule(schedule)
                .zone("Europe/Berlin")
                .format("txt", Map.of())
                .destination("filesystem", Map.of("path", "{document}/{date}_{time}.{ext}"))
                .build();
    }

    private static final Schedule NOON_ON_BUSINESS_DAYS =
            Schedule.daily(LocalTime.NOON).onBusinessDaysOf("de-holidays", NonBusinessDay.NEXT);

    @Test
    void aScheduleNamingAnUnknownCalendarIsRefusedWithTheFieldNamed() throws IOException {
        ExportScheduleService without = service(false);
        ValidationException refused = assertThrows(
                ValidationException.class, () -> without.create(request("alice", "doc-1", NOON_ON_BUSINESS_DAYS)));
        assertEquals(
                Set.of("schedule.calendar:unknown_calendar"),
                refused.violations().stream()
                        .map(v -> v.field() + ":" + v.code())
                        .collect(Collectors.toSet()));
        assertTrue(refused.getMessage().contains("'de-holidays'"), refused.getMessage());
        assertEquals(0, store.query(ScheduleQuery.owner("alice")).items().size(), "nothing stored");
    }

    @Test
    void theFirstRunAndTheNextAfterAWeekendAreShifted() throws IOException {
        ExportScheduleService service = service(true);
        ExportSchedule created = service.create(request("alice", "doc-1", NOON_ON_BUSINESS_DAYS));
        assertEquals(
                Optional.of(Instant.parse("2024-03-01T11:00:00Z")),
                created.state().nextRunAt());
        clock.set(Instant.parse("2024-03-01T11:00:30Z"));
        assertEquals(1, service.tick().succeeded());
        assertEquals(
                Optional.of(Instant.parse("2024-03-04T11:00:00Z")),
                service.get("alice", created.id()).state().nextRunAt(),
                "Saturday and Sunday move to Monday, which runs once");
    }

    @Test
    void aCalendarTheHostNoLongerHasFailsAndPausesThatScheduleWhileOthersRun() throws IOException {
        ExportSchedule onCalendar = service(true).create(request("alice", "doc-1", NOON_ON_BUSINESS_DAYS));
        ExportSchedule plain = service(true).create(request("bob", "doc-9", Schedule.daily(LocalTime.NOON)));

        ExportScheduleService without = service(false);
        clock.set(Instant.parse("2024-03-01T11:00:30Z"));
        TickReport report = without.tick();
        assertEquals(1, report.succeeded(), "the other schedule ran");
        assertEquals(1, report.failed());

        ExportRun failed = without.runs("alice", onCalendar.id(), 1).get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(Instant.parse("2024-03-01T11:00:00Z"), failed.occurrence());
        String message = failed.message().orElseThrow();
        assertTrue(message.contains("business calendar 'de-holidays' is not registered"), message);
        ExportSchedule after = without.get("alice", onCalendar.id());
        assertFalse(after.state().active());
        assertEquals(Optional.of(message), after.state().pausedReason());
        assertEquals(List.of("alice: " + message), paused);
        assertTrue(without.get("bob", plain.id()).state().active());

        ValidationException notYet =
                assertThrows(ValidationException.class, () -> without.resume("alice", onCalendar.id()));
        assertEquals("schedule.calendar", notYet.violations().get(0).field());
        assertEquals("unknown_calendar", notYet.violations().get(0).code());

        ExportSchedule resumed = service(true).resume("alice", onCalendar.id());
        assertEquals(
                Optional.of(Instant.parse("2024-03-04T11:00:00Z")),
                resumed.state().nextRunAt(),
                "once the host has it again, the schedule resumes on its shifted dates");
    }
}
