package dev.schedex.spring.web;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.Page;
import dev.schedex.RunInProgressException;
import dev.schedex.ScheduleNotFoundException;
import dev.schedex.ScheduleQuery;
import dev.schedex.StaleVersionException;
import dev.schedex.StoreException;
import dev.schedex.ValidationException;
import dev.schedex.Violation;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import dev.schedex.schedule.UnknownCalendarException;
import dev.schedex.spring.internal.Problems;
import dev.schedex.spring.internal.ScheduleJson;
import dev.schedex.spring.internal.ScheduleRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The schedules' REST endpoints under {@value #PATH}, each scoped to the owner the
 * {@link ScheduleOwnerResolver} names: no owner is 401, another owner's schedule is 404 like a
 * missing one. Bodies mirror the core's requests and records (see {@code docs/spring-boot.md});
 * errors are RFC 9457 problem details; a schedule's {@code ETag} is its version, and an
 * {@code If-Match} that is not the current version is 412.
 */
@RestController
@RequestMapping(ScheduledExportsController.PATH)
public final class ScheduledExportsController {

    /** Where the endpoints are. */
    public static final String PATH = "/api/scheduled-exports";

    /** The most runs a preview computes. */
    public static final int MAX_PREVIEW = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExportsController.class);
    private static final Set<String> PREVIEW_FIELDS = Set.of("schedule", "zone", "startAt", "endAt");

    private final ExportScheduleService service;
    private final ScheduleOwnerResolver owners;
    private final Clock clock;
    private final NextRunCalculator calculator;

    /**
     * @param service the service
     * @param owners  tells each request's owner
     * @param clock   the clock previews start from
     */
    public ScheduledExportsController(ExportScheduleService service, ScheduleOwnerResolver owners, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.clock = Objects.requireNonNull(clock, "clock");
        // the service's own, which knows the host's business calendars
        this.calculator = service.calculator();
    }

    /** No owner: the request is not authenticated. */
    private static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthenticated() {
            super("no authenticated owner", null, false, false);
        }
    }

    /** A path id that is no UUID: no schedule has it. */
    private static final class NoSuchId extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchId(String id) {
            super("no schedule " + id, null, false, false);
        }
    }

    /** An If-Match on a deletion that is not the current version. */
    private static final class StaleDelete extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long current;
        private final long expected;

        StaleDelete(long current, long expected) {
            super("stale", null, false, false);
            this.current = current;
            this.expected = expected;
        }
    }

    private String owner(HttpServletRequest request) {
        return owners.ownerOf(request).orElseThrow(Unauthenticated::new);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NoSuchId(text);
        }
    }

    private static ResponseEntity<Map<String, @Nullable Object>> schedule(HttpStatus status, ExportSchedule s) {
        return ResponseEntity.status(status).eTag(etag(s.version())).body(ScheduleJson.of(s));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Creates a schedule.
     *
     * @param body    the schedule, as {@code NewExportSchedule}'s fields
     * @param request the request
     * @return 201 with the schedule, its {@code Location} and {@code ETag}
     */
    @PostMapping
    public ResponseEntity<Map<String, @Nullable Object>> create(
            @RequestBody Map<String, @Nullable Object> body, HttpServletRequest request) {
        String owner = owner(request);
        List<Violation> violations = new ArrayList<>();
        var read = ScheduleRequests.of(body, violations);
        var newSchedule = read.newSchedule(owner);
        failIfAny(violations);
        ExportSchedule created = service.create(newSchedule);
        return ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                .eTag(etag(created.version()))
                .body(ScheduleJson.of(created));
    }

    /**
     * Lists the owner's schedules.
     *
     * @param document only those of this document
     * @param active   only active (true) or paused (false) ones
     * @param format   only those of this format
     * @param offset   how many to skip
     * @param limit    how many at most, 1 to 1000
     * @param request  the request
     * @return the page
     */
    @GetMapping
    public Map<String, Object> list(
            @RequestParam(name = "document", required = false) @Nullable String document,
            @RequestParam(name = "active", required = false) @Nullable Boolean active,
            @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            HttpServletRequest request) {
        ScheduleQuery query = ScheduleQuery.owner(owner(request)).page(offset, limit);
        if (document != null && !document.isBlank()) {
            query = query.document(document);
        }
        if (active != null) {
            query = query.active(active);
        }
        if (format != null && !format.isBlank()) {
            query = query.format(format);
        }
        Page<ExportSchedule> page = service.list(query);
        return ScheduleJson.page(
                page.items().stream().map(ScheduleJson::of).toList(), page.total(), page.offset(), page.limit());
    }

    /**
     * @param id      the schedule's id
     * @param request the request
     * @return the schedule with its {@code ETag}
     */
    @GetMapping("/{id}")
    public ResponseEntity<Map<String, @Nullable Object>> get(
            @PathVariable("id") String id, HttpServletRequest request) {
        return schedule(HttpStatus.OK, service.get(owner(request), id(id)));
    }

    /**
     * Replaces a schedule: every field is set, a missing one to blank (and so refused if required).
     *
     * @param id      the schedule's id
     * @param ifMatch the version the change is based on
     * @param body    the schedule
     * @param request the request
     * @return the schedule as changed
     */
    @PutMapping("/{id}")
    public ResponseEntity<Map<String, @Nullable Object>> replace(
            @PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Map<String, @Nullable Object> body,
            HttpServletRequest request) {
        return change(id, ifMatch, body, request, true);
    }

    /**
     * Changes the fields a body gives, and only those.
     *
     * @param id      the schedule's id
     * @param ifMatch the version the change is based on
     * @param body    the fields to change
     * @param request the request
     * @return the schedule as changed
     */
    @PatchMapping("/{id}")
    public ResponseEntity<Map<String, @Nullable Object>> patch(
            @PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Map<String, @Nullable Object> body,
            HttpServletRequest request) {
        return change(id, ifMatch, body, request, false);
    }

    private ResponseEntity<Map<String, @Nullable Object>> change(
            String id,
            @Nullable String ifMatch,
            Map<String, @Nullable Object> body,
            HttpServletRequest request,
            boolean replace) {
        String owner = owner(request);
        UUID scheduleId = id(id);
        List<Violation> violations = new ArrayList<>();
        Optional<Long> expected = expectedVersion(ifMatch, violations);
        ScheduleRequests read = ScheduleRequests.of(body, violations);
        var update = read.update(replace, expected);
        Optional<Boolean> active = read.active();
        if (body.containsKey("documentId")) {
            ExportSchedule current = service.get(owner, scheduleId);
            if (!Objects.equals(body.get("documentId"), current.documentId())) {
                violations.add(new Violation(
                        "documentId", "immutable", "a schedule's document cannot change; create another schedule"));
            }
        }
        failIfAny(violations);
        ExportSchedule changed = service.update(owner, scheduleId, update);
        if (active.isPresent() && active.get() != changed.active()) {
            changed = active.get() ? service.resume(owner, scheduleId) : service.pause(owner, scheduleId);
        }
        return schedule(HttpStatus.OK, changed);
    }

    /**
     * Deletes a schedule and its runs.
     *
     * @param id      the schedule's id
     * @param ifMatch the version the deletion is based on
     * @param request the request
     * @return 204
     */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(
            @PathVariable("id") String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            HttpServletRequest request) {
        String owner = owner(request);
        UUID scheduleId = id(id);
        List<Violation> violations = new ArrayList<>();
        Optional<Long> expected = expectedVersion(ifMatch, violations);
        failIfAny(violations);
        if (expected.isPresent()) {
            long current = service.get(owner, scheduleId).version();
            if (current != expected.get()) {
                throw new StaleDelete(current, expected.get());
            }
        }
        service.delete(owner, scheduleId);
        return ResponseEntity.noContent().build();
    }

    /**
     * @param id      the schedule's id
     * @param request the request
     * @return the schedule, paused
     */
    @PostMapping("/{id}/pause")
    public ResponseEntity<Map<String, @Nullable Object>> pause(
            @PathVariable("id") String id, HttpServletRequest request) {
        return schedule(HttpStatus.OK, service.pause(owner(request), id(id)));
    }

    /**
     * @param id      the schedule's id
     * @param request the request
     * @return the schedule, active again
     */
    @PostMapping("/{id}/resume")
    public ResponseEntity<Map<String, @Nullable Object>> resume(
            @PathVariable("id") String id, HttpServletRequest request) {
        return schedule(HttpStatus.OK, service.resume(owner(request), id(id)));
    }

    /**
     * Runs a schedule now, on the request's thread.
     *
     * @param id      the schedule's id
     * @param request the request
     * @return the finished run
     */
    @PostMapping("/{id}/run")
    public Map<String, @Nullable Object> run(@PathVariable("id") String id, HttpServletRequest request) {
        String owner = owner(request);
        UUID scheduleId = id(id);
        ZoneId zone = service.get(owner, scheduleId).zone();
        return ScheduleJson.of(service.runNow(owner, scheduleId), zone);
    }

    /**
     * A page of a schedule's runs, latest occurrence first.
     *
     * @param id      the schedule's id
     * @param before  only runs of occurrences before this instant: the {@code next} of the previous page
     * @param limit   how many at most, 1 to 1000
     * @param request the request
     * @return {@code {"items": [...], "next": instant or null}}
     */
    @GetMapping("/{id}/runs")
    public Map<String, @Nullable Object> runs(
            @PathVariable("id") String id,
            @RequestParam(name = "before", required = false) @Nullable String before,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            HttpServletRequest request) {
        String owner = owner(request);
        UUID scheduleId = id(id);
        List<Violation> violations = new ArrayList<>();
        Optional<Instant> cursor = before == null
                ? Optional.empty()
                : ScheduleRequests.of(Map.of("startAt", before), violations).instant("startAt");
        violations.replaceAll(v -> new Violation("before", v.code(), v.message().replace("startAt", "before")));
        failIfAny(violations);
        ZoneId zone = service.get(owner, scheduleId).zone();
        List<ExportRun> runs = cursor.isPresent()
                ? service.runsBefore(owner, scheduleId, cursor.get(), limit)
                : service.runs(owner, scheduleId, limit);
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("items", runs.stream().map(r -> ScheduleJson.of(r, zone)).toList());
        json.put(
                "next",
                runs.size() == limit ? runs.get(runs.size() - 1).occurrence().toString() : null);
        return json;
    }

    /**
     * The next runs of a schedule not yet saved, and its description: for a form to show before
     * the user saves.
     *
     * @param body    {@code schedule}, {@code zone} and optionally {@code startAt}, {@code endAt}
     * @param count   how many runs, 1 to {@value #MAX_PREVIEW}
     * @param request the request
     * @return {@code {"description": ..., "zone": ..., "nextRuns": [{"utc": ..., "local": ...}, ...]}}
     */
    @PostMapping("/preview")
    public Map<String, Object> preview(
            @RequestBody Map<String, @Nullable Object> body,
            @RequestParam(name = "count", defaultValue = "5") int count,
            HttpServletRequest request) {
        owner(request);
        List<Violation> violations = new ArrayList<>();
        Map<String, @Nullable Object> timing = new LinkedHashMap<>(body);
        timing.keySet().retainAll(PREVIEW_FIELDS);
        ScheduleRequests read = new ScheduleRequests(timing, violations, PREVIEW_FIELDS);
        if (count < 1 || count > MAX_PREVIEW) {
            violations.add(new Violation("count", "out_of_range", "count must be 1 to " + MAX_PREVIEW));
        }
        Optional<Schedule> schedule = read.scheduleInput()
                .orElseGet(() -> ScheduleInput.of("", Map.of()))
                .toSchedule(violations);
        Optional<ZoneId> zone = zone(read.zone().orElse(""), violations);
        Optional<Instant> startAt = read.instant("startAt");
        Optional<Instant> endAt = read.instant("endAt");
        if (startAt.isPresent() && endAt.isPresent() && !endAt.get().isAfter(startAt.get())) {
            violations.add(new Violation("endAt", "before_start", "endAt must be after startAt"));
        }
        failIfAny(violations);
        ZoneId z = zone.orElseThrow();
        Schedule s = schedule.orElseThrow();
        List<Instant> next;
        try {
            next = calculator.upcoming(
                    s, z, new Bounds(startAt, endAt), clock.instant().truncatedTo(ChronoUnit.SECONDS), count);
        } catch (UnknownCalendarException e) {
            violations.add(new Violation(
                    "schedule.calendar",
                    "unknown_calendar",
                    "unknown calendar '" + e.calendar() + "': the host has registered no calendar of that name"));
            failIfAny(violations);
            throw e;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schedule", ScheduleJson.schedule(s));
        json.put("description", s.describe());
        json.put("zone", z.getId());
        json.put("nextRuns", next.stream().map(i -> ScheduleJson.instant(i, z)).toList());
        return json;
    }

    private static Optional<ZoneId> zone(String zone, List<Violation> violations) {
        if (zone.isBlank()) {
            violations.add(new Violation("zone", "required", "a time zone is required, such as Europe/Berlin"));
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            violations.add(new Violation("zone", "unknown_zone", "unknown time zone '" + zone + "'"));
            return Optional.empty();
        }
    }

    private static Optional<Long> expectedVersion(@Nullable String ifMatch, List<Violation> violations) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            violations.add(
                    new Violation("If-Match", "invalid_etag", "If-Match must be an ETag this API gave, such as \"3\""));
            return Optional.empty();
        }
    }

    private static void failIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param e       the violations
     * @param request the request
     * @return 400 with every violation
     */
    @ExceptionHandler(ValidationException.class)
    public ResponseEntity<Map<String, Object>> invalid(ValidationException e, HttpServletRequest request) {
        return Problems.invalid(e.violations(), request.getRequestURI());
    }

    /**
     * @param request the request
     * @return 401
     */
    @ExceptionHandler(Unauthenticated.class)
    public ResponseEntity<Map<String, Object>> unauthenticated(HttpServletRequest request) {
        return Problems.of(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "the scheduled exports of a user are served to that user only; sign in first",
                request.getRequestURI());
    }

    /**
     * @param request the request
     * @return 404, whether the schedule does not exist or is another owner's
     */
    @ExceptionHandler({ScheduleNotFoundException.class, NoSuchId.class})
    public ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "not-found",
                "No such scheduled export",
                "there is no scheduled export at " + request.getRequestURI(),
                request.getRequestURI());
    }

    /**
     * @param e       the conflict
     * @param request the request
     * @return 412 with the current version as {@code ETag}
     */
    @ExceptionHandler(StaleVersionException.class)
    public ResponseEntity<Map<String, Object>> stale(StaleVersionException e, HttpServletRequest request) {
        return stale(e.currentVersion(), e.expectedVersion(), request);
    }

    /**
     * @param e       the conflict
     * @param request the request
     * @return 412 with the current version as {@code ETag}
     */
    @ExceptionHandler(StaleDelete.class)
    public ResponseEntity<Map<String, Object>> staleDelete(StaleDelete e, HttpServletRequest request) {
        return stale(e.current, e.expected, request);
    }

    private static ResponseEntity<Map<String, Object>> stale(long current, long expected, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(etag(current))
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(
                        HttpStatus.PRECONDITION_FAILED,
                        "stale-version",
                        "The scheduled export has changed",
                        "If-Match names version " + expected + " but the schedule is at version " + current
                                + "; read it again and reapply the change",
                        request.getRequestURI()));
    }

    /**
     * @param request the request
     * @return 409
     */
    @ExceptionHandler(RunInProgressException.class)
    public ResponseEntity<Map<String, Object>> runInProgress(HttpServletRequest request) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "run-in-progress",
                "A run is in progress",
                "the schedule is running right now; try again when the run has finished",
                request.getRequestURI());
    }

    /**
     * @param e       the failure
     * @param request the request
     * @return 503
     */
    @ExceptionHandler(StoreException.class)
    public ResponseEntity<Map<String, Object>> storeFailed(StoreException e, HttpServletRequest request) {
        LOG.warn("schedex store failed on {}: {}", request.getRequestURI(), e.getMessage(), e);
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable",
                "Storage unavailable",
                "the schedules cannot be read or written just now; try again shortly",
                request.getRequestURI());
    }

    /**
     * @param e       the failure
     * @param request the request
     * @return 400 for a body that is not JSON, or a parameter of the wrong type
     */
    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ResponseEntity<Map<String, Object>> unreadable(Exception e, HttpServletRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "body";
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? m.getName() + " has the wrong type"
                : "the body must be a JSON object";
        return Problems.invalid(List.of(new Violation(field, "unreadable", message)), request.getRequestURI());
    }
}
