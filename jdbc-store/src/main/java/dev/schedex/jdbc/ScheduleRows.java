package dev.schedex.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schedex.DestinationSpec;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.FormatSettings;
import dev.schedex.MisfirePolicy;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleState;
import dev.schedex.Violation;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/** Maps schedules and runs to columns and back: instants as epoch milliseconds, settings as JSON. */
final class ScheduleRows {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> SCHEDULE_FIELDS = List.of(
            "times",
            "days",
            "dayOfMonth",
            "ordinal",
            "dayOfWeek",
            "time",
            "cron",
            "interval",
            "unit",
            "from",
            "calendar",
            "nonBusinessDay",
            "businessDay");
    private static final List<String> SCHEDULE_COLUMNS = List.of(
            "times",
            "days",
            "day_of_month",
            "ordinal",
            "day_of_week",
            "time_of_day",
            "cron",
            "interval_count",
            "interval_unit",
            "interval_from",
            "business_calendar",
            "non_business_day",
            "business_day");
    private static final Set<String> NUMBER_COLUMNS =
            Set.of("day_of_month", "ordinal", "interval_count", "business_day");
    /** The columns in which -1 stands for the word {@code last}. */
    private static final Set<String> LAST_COLUMNS = Set.of("ordinal", "business_day");

    private ScheduleRows() {}

    /** Binds the id and the definition's columns of a schedule (the schedules table), by column name. */
    static <S extends SqlStatement<S>> S bindDefinition(S statement, ExportSchedule s) {
        Map<String, String> fields = ScheduleInput.of(s.schedule()).fields();
        statement
                .bind("id", s.id())
                .bind("owner_id", s.ownerId())
                .bind("document_id", s.documentId())
                .bind("name", s.name())
                .bind("kind", ScheduleInput.of(s.schedule()).kind());
        for (int i = 0; i < SCHEDULE_FIELDS.size(); i++) {
            String value = fields.get(SCHEDULE_FIELDS.get(i));
            String column = SCHEDULE_COLUMNS.get(i);
            if (column.equals("day_of_month") && "last".equals(value)) {
                // an interval on a month's last day: a month interval with neither day nor ordinal (V4)
                statement.bind(column, (Integer) null);
            } else if (NUMBER_COLUMNS.contains(column)) {
                statement.bind(
                        column, value == null ? null : (Integer) (value.equals("last") ? -1 : Integer.parseInt(value)));
            } else {
                statement.bind(column, value);
            }
        }
        statement
                .bind("zone", s.zone().getId())
                .bind("start_at", millis(s.bounds().startAt()))
                .bind("end_at", millis(s.bounds().endAt()))
                .bind("format_id", s.formatId())
                .bind("format_settings", json(s.formatSettings().asMap()))
                .bind("destination_type", s.destination().name())
                .bind("destination_parameters", json(s.destination().parameters()))
                .bind("misfire_policy", s.misfirePolicy().name())
                .bind("only_when_changed", s.onlyWhenChanged())
                .bind("created_at", s.createdAt().toEpochMilli());
        return statement;
    }

    /**
     * Binds the id and the state's columns of a schedule (the state table, but the lease), by column
     * name.
     */
    static <S extends SqlStatement<S>> S bindState(S statement, ExportSchedule s) {
        return statement
                .bind("id", s.id())
                .bind("active", s.state().active())
                .bind("paused_reason", s.state().pausedReason().orElse(null))
                .bind("next_run_at", millis(s.state().nextRunAt()))
                .bind("next_occurrence", millis(s.state().nextOccurrence()))
                .bind("last_run_at", millis(s.state().lastRunAt()))
                .bind("last_status", s.state().lastStatus().map(Enum::name).orElse(null))
                .bind("last_exported_version", s.state().lastExportedVersion().orElse(null))
                .bind("run_count", s.state().runCount())
                .bind("error_count", s.state().errorCount())
                .bind("consecutive_failures", s.state().consecutiveFailures())
                .bind("updated_at", s.updatedAt().toEpochMilli())
                .bind("version", s.version())
                .bind("revision", s.revision());
    }

    /** Binds every column of a run, by column name. */
    static <S extends SqlStatement<S>> S bindRun(S statement, ExportRun r) {
        return statement
                .bind("id", r.id())
                .bind("schedule_id", r.scheduleId())
                .bind("occurrence", r.occurrence().toEpochMilli())
                .bind("status", r.status().name())
                .bind("attempt", r.attempt())
                .bind("host", r.host())
                .bind("started_at", r.startedAt().toEpochMilli())
                .bind("finished_at", millis(r.finishedAt()))
                .bind("format_id", r.formatId())
                .bind("document_version", r.documentVersion().orElse(null))
                .bind("size", r.size().orElse(null))
                .bind("checksum", r.checksum().orElse(null))
                .bind("location", r.location().orElse(null))
                .bind("message", r.message().orElse(null))
                .bind("render_millis", r.renderTime().map(Duration::toMillis).orElse(null))
                .bind(
                        "delivery_millis",
                        r.deliveryTime().map(Duration::toMillis).orElse(null));
    }

    /** Reads a schedule row; a row the service could not have written is an {@link IllegalStateException}. */
    static final RowMapper<ExportSchedule> SCHEDULE = (rs, ctx) -> {
        UUID id = uuid(rs, "id");
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < SCHEDULE_FIELDS.size(); i++) {
            String value = rs.getString(SCHEDULE_COLUMNS.get(i));
            if (value != null) {
                fields.put(
                        SCHEDULE_FIELDS.get(i),
                        LAST_COLUMNS.contains(SCHEDULE_COLUMNS.get(i)) && value.equals("-1") ? "last" : value.strip());
            }
        }
        if ("months".equals(fields.get("unit"))
                && !fields.containsKey("dayOfMonth")
                && !fields.containsKey("ordinal")) {
            fields.put("dayOfMonth", "last");
        }
        List<Violation> problems = new ArrayList<>();
        Optional<Schedule> schedule =
                ScheduleInput.of(rs.getString("kind"), fields).toSchedule(problems);
        if (schedule.isEmpty()) {
            throw new IllegalStateException("schedule " + id + " has an invalid schedule in the database: " + problems);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(rs.getString("zone"));
        } catch (DateTimeException e) {
            throw new IllegalStateException(
                    "schedule " + id + " has a time zone this JVM does not know: '" + rs.getString("zone") + "' ("
                            + e.getMessage() + ")",
                    e);
        }
        ScheduleState state = new ScheduleState(
                rs.getBoolean("active"),
                Optional.ofNullable(rs.getString("paused_reason")),
                instant(rs, "next_run_at"),
                instant(rs, "next_occurrence"),
                instant(rs, "last_run_at"),
                Optional.ofNullable(rs.getString("last_status")).map(RunStatus::valueOf),
                Optional.ofNullable(rs.getString("last_exported_version")),
                rs.getLong("run_count"),
                rs.getLong("error_count"),
                rs.getInt("consecutive_failures"));
        return new ExportSchedule(
                id,
                rs.getString("owner_id"),
                rs.getString("document_id"),
                rs.getString("name"),
                schedule.get(),
                zone,
                new Bounds(instant(rs, "start_at"), instant(rs, "end_at")),
                rs.getString("format_id"),
                FormatSettings.of(map(rs.getString("format_settings"), new TypeReference<Map<String, Object>>() {})),
                DestinationSpec.of(
                        rs.getString("destination_type"),
                        map(rs.getString("destination_parameters"), new TypeReference<Map<String, String>>() {})),
                MisfirePolicy.valueOf(rs.getString("misfire_policy")),
                rs.getBoolean("only_when_changed"),
                state,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("version"),
                rs.getLong("revision"));
    };

    /** A schedule row as read: the schedule, or why it could not be read. */
    record Read(UUID id, Optional<ExportSchedule> schedule, String problem) {}

    /** Reads a schedule row without failing on a row that cannot be read. */
    static final RowMapper<Read> READ = (rs, ctx) -> {
        UUID id = uuid(rs, "id");
        try {
            return new Read(id, Optional.of(SCHEDULE.map(rs, ctx)), "");
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            return new Read(id, Optional.empty(), String.valueOf(unreadable.getMessage()));
        }
    };

    /** Reads a run row. */
    static final RowMapper<ExportRun> RUN = (rs, ctx) -> new ExportRun(
            uuid(rs, "id"),
            uuid(rs, "schedule_id"),
            Instant.ofEpochMilli(rs.getLong("occurrence")),
            RunStatus.valueOf(rs.getString("status")),
            rs.getInt("attempt"),
            rs.getString("host"),
            Instant.ofEpochMilli(rs.getLong("started_at")),
            instant(rs, "finished_at"),
            rs.getString("format_id"),
            Optional.ofNullable(rs.getString("document_version")),
            optionalLong(rs, "size"),
            Optional.ofNullable(rs.getString("checksum")),
            Optional.ofNullable(rs.getString("location")),
            Optional.ofNullable(rs.getString("message")),
            optionalLong(rs, "render_millis").map(Duration::ofMillis),
            optionalLong(rs, "delivery_millis").map(Duration::ofMillis));

    /** Reads an id: a UUID column (H2, PostgreSQL) or its text in a CHAR(36) one (MariaDB). */
    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return uuid(rs, rs.findColumn(column));
    }

    /** Reads an id, by position: see {@link #uuid(ResultSet, String)}. */
    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return UUID.fromString(rs.getString(column).strip());
    }

    /** @param instant an instant, if any @return its epoch milliseconds, or null for a SQL NULL */
    static @Nullable Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return optionalLong(rs, column).map(Instant::ofEpochMilli);
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static String json(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + map + " as JSON", e);
        }
    }

    private static <T> T map(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invalid JSON in the database: " + json, e);
        }
    }
}
