package dev.schedex.spring.internal;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ScheduleState;
import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of schedules and runs, as maps for whichever Jackson the application runs: the
 * components of {@link ExportSchedule} and {@link ExportRun}, the schedule as its {@link ScheduleInput}
 * (kind and fields) with its description, and every instant as {@code {"utc": ..., "local": ...}}:
 * ISO-8601 in UTC, and with the offset of the schedule's zone.
 */
public final class ScheduleJson {

    private ScheduleJson() {}

    /**
     * @param instant an instant
     * @param zone    the zone whose offset the local form carries
     * @return {@code {"utc": "2026-12-07T01:00:00Z", "local": "2026-12-07T02:00:00+01:00"}}
     */
    public static Map<String, String> instant(Instant instant, ZoneId zone) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("utc", DateTimeFormatter.ISO_INSTANT.format(instant));
        json.put("local", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)));
        return json;
    }

    private static @Nullable Map<String, String> instant(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> instant(i, zone)).orElse(null);
    }

    /**
     * @param schedule a schedule
     * @return {@code {"kind": ..., "fields": {...}, "description": ...}}
     */
    public static Map<String, Object> schedule(Schedule schedule) {
        ScheduleInput input = ScheduleInput.of(schedule);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", input.kind());
        json.put("fields", input.fields());
        json.put("description", schedule.describe());
        return json;
    }

    /**
     * @param s a schedule
     * @return its JSON
     */
    public static Map<String, @Nullable Object> of(ExportSchedule s) {
        ZoneId zone = s.zone();
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", s.id().toString());
        json.put("ownerId", s.ownerId());
        json.put("documentId", s.documentId());
        json.put("name", s.name());
        json.put("schedule", schedule(s.schedule()));
        json.put("zone", zone.getId());
        json.put("startAt", instant(s.bounds().startAt(), zone));
        json.put("endAt", instant(s.bounds().endAt(), zone));
        json.put("formatId", s.formatId());
        json.put("formatSettings", s.formatSettings().asMap());
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("name", s.destination().name());
        destination.put("parameters", s.destination().parameters());
        json.put("destination", destination);
        json.put("misfirePolicy", s.misfirePolicy().name());
        json.put("onlyWhenChanged", s.onlyWhenChanged());
        json.put("active", s.active());
        json.put("state", state(s.state(), zone));
        json.put("createdAt", instant(s.createdAt(), zone));
        json.put("updatedAt", instant(s.updatedAt(), zone));
        json.put("version", s.version());
        return json;
    }

    private static Map<String, @Nullable Object> state(ScheduleState state, ZoneId zone) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("active", state.active());
        json.put("pausedReason", state.pausedReason().orElse(null));
        json.put("nextRunAt", instant(state.nextRunAt(), zone));
        json.put("nextOccurrence", instant(state.nextOccurrence(), zone));
        json.put("lastRunAt", instant(state.lastRunAt(), zone));
        json.put("lastStatus", state.lastStatus().map(Enum::name).orElse(null));
        json.put("lastExportedVersion", state.lastExportedVersion().orElse(null));
        json.put("runCount", state.runCount());
        json.put("errorCount", state.errorCount());
        json.put("consecutiveFailures", state.consecutiveFailures());
        return json;
    }

    /**
     * @param run  a run
     * @param zone the zone of its schedule
     * @return its JSON
     */
    public static Map<String, @Nullable Object> of(ExportRun run, ZoneId zone) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", run.id().toString());
        json.put("scheduleId", run.scheduleId().toString());
        json.put("occurrence", instant(run.occurrence(), zone));
        json.put("status", run.status().name());
        json.put("attempt", run.attempt());
        json.put("host", run.host());
        json.put("startedAt", instant(run.startedAt(), zone));
        json.put("finishedAt", instant(run.finishedAt(), zone));
        json.put("formatId", run.formatId());
        json.put("documentVersion", run.documentVersion().orElse(null));
        json.put("size", run.size().orElse(null));
        json.put("checksum", run.checksum().orElse(null));
        json.put("location", run.location().orElse(null));
        json.put("message", run.message().orElse(null));
        json.put("renderTime", run.renderTime().map(Duration::toString).orElse(null));
        json.put("deliveryTime", run.deliveryTime().map(Duration::toString).orElse(null));
        return json;
    }

    /**
     * @param items  the page's items
     * @param total  how many match in all
     * @param offset how many were skipped
     * @param limit  the page size
     * @return {@code {"items": [...], "total": n, "offset": n, "limit": n, "hasMore": bool}}
     */
    public static Map<String, Object> page(List<?> items, long total, int offset, int limit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", total);
        json.put("offset", offset);
        json.put("limit", limit);
        json.put("hasMore", offset + items.size() < total);
        return json;
    }
}
