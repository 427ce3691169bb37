package dev.schedex.spring.internal;

import dev.schedex.MisfirePolicy;
import dev.schedex.NewExportSchedule;
import dev.schedex.ScheduleUpdate;
import dev.schedex.Violation;
import dev.schedex.schedule.ScheduleInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON body (as the map Jackson gives) into the core's requests. Only the JSON's shape is
 * checked here (a field of the wrong type, an unknown field, an unreadable instant); the core checks
 * the content. Field names are those of {@link NewExportSchedule}, with the destination as
 * {@code {"name": ..., "parameters": {...}}} and the schedule as {@link ScheduleInput}'s
 * {@code {"kind": ..., "fields": {...}}}.
 */
public final class ScheduleRequests {

    /** The fields a body may have. */
    static final Set<String> FIELDS = Set.of(
            "documentId",
            "name",
            "schedule",
            "zone",
            "startAt",
            "endAt",
            "formatId",
            "formatSettings",
            "destination",
            "misfirePolicy",
            "onlyWhenChanged",
            "active");

    private final Map<String, @Nullable Object> body;
    private final List<Violation> violations;

    /**
     * @param body       the JSON body
     * @param violations where problems with its shape go
     * @param allowed    the fields this body may carry
     */
    public ScheduleRequests(Map<String, @Nullable Object> body, List<Violation> violations, Set<String> allowed) {
        this.body = body;
        this.violations = violations;
        for (String key : new TreeSet<>(body.keySet())) {
            if (!allowed.contains(key)) {
                violations.add(new Violation(key, "unknown_field", "there is no field '" + key + "'"));
            }
        }
    }

    /**
     * @param body       the JSON body
     * @param violations where problems with its shape go
     * @return a reader of a create, replace or change request
     */
    public static ScheduleRequests of(Map<String, @Nullable Object> body, List<Violation> violations) {
        return new ScheduleRequests(body, violations, FIELDS);
    }

    /**
     * @param owner the owner
     * @return the create request; a missing field is left blank for the core to name
     */
    public NewExportSchedule newSchedule(String owner) {
        NewExportSchedule.Builder b = NewExportSchedule.builder().ownerId(owner);
        text("documentId").ifPresent(b::documentId);
        text("name").ifPresent(b::name);
        scheduleInput().ifPresent(b::schedule);
        text("zone").ifPresent(b::zone);
        instant("startAt").ifPresent(b::startAt);
        instant("endAt").ifPresent(b::endAt);
        String format = text("formatId").orElse("");
        b.format(format, object("formatSettings").orElse(Map.of()));
        destination().ifPresent(d -> b.destination(d.name(), d.parameters()));
        misfirePolicy().ifPresent(b::misfirePolicy);
        bool("onlyWhenChanged").ifPresent(b::onlyWhenChanged);
        bool("active").ifPresent(b::active);
        return b.build();
    }

    /**
     * @param replace         true for PUT: every field is set, a missing one to blank or none; false
     *                        for PATCH: only the fields present change
     * @param expectedVersion the version from If-Match
     * @return the change
     */
    public ScheduleUpdate update(boolean replace, Optional<Long> expectedVersion) {
        ScheduleUpdate.Builder b = ScheduleUpdate.builder();
        textOr("name", replace).ifPresent(b::name);
        Optional<ScheduleInput> schedule = scheduleInput();
        if (schedule.isPresent()) {
            b.schedule(schedule.get());
        } else if (replace) {
            b.schedule(ScheduleInput.of("", Map.of()));
        }
        textOr("zone", replace).ifPresent(b::zone);
        if (replace || body.containsKey("startAt")) {
            b.startAt(instant("startAt"));
        }
        if (replace || body.containsKey("endAt")) {
            b.endAt(instant("endAt"));
        }
        Optional<String> format = textOr("formatId", replace);
        Optional<Map<String, Object>> settings = object("formatSettings");
        if (format.isPresent()) {
            b.format(format.get(), settings.orElse(Map.of()));
        } else if (settings.isPresent()) {
            b.formatSettings(settings.get());
        }
        Optional<DestinationBody> destination = destination();
        if (destination.isPresent()) {
            b.destination(destination.get().name(), destination.get().parameters());
        } else if (replace) {
            b.destination("", Map.of());
        }
        misfirePolicy().ifPresent(b::misfirePolicy);
        Optional<Boolean> onlyWhenChanged = bool("onlyWhenChanged");
        if (onlyWhenChanged.isPresent()) {
            b.onlyWhenChanged(onlyWhenChanged.get());
        } else if (replace) {
            b.onlyWhenChanged(false);
        }
        expectedVersion.ifPresent(b::expectedVersion);
        return b.build();
    }

    /** @return the {@code active} field, if given */
    public Optional<Boolean> active() {
        return bool("active");
    }

    /** @return the schedule's kind and fields, if given */
    public Optional<ScheduleInput> scheduleInput() {
        Optional<Map<String, Object>> schedule = object("schedule");
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        Object kind = schedule.get().get("kind");
        if (kind != null && !(kind instanceof String)) {
            violations.add(new Violation("schedule.kind", "invalid_type", "schedule.kind must be a string"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Object rawFields = schedule.get().get("fields");
        if (rawFields instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof String || value instanceof Number) {
                    fields.put(String.valueOf(key), String.valueOf(value));
                } else if (value instanceof List<?> list) {
                    // "days": ["MON", "FRI"] reads as the core's "MON,FRI"
                    fields.put(
                            String.valueOf(key),
                            String.join(",", list.stream().map(String::valueOf).toList()));
                } else {
                    violations.add(
                            new Violation("schedule." + key, "invalid_type", "schedule." + key + " must be a string"));
                }
            });
        } else if (rawFields != null) {
            violations.add(new Violation("schedule.fields", "invalid_type", "schedule.fields must be an object"));
        }
        return Optional.of(ScheduleInput.of(kind instanceof String k ? k : "", fields));
    }

    /** @return the zone, if given */
    public Optional<String> zone() {
        return text("zone");
    }

    /** @param key a field @return the instant it gives, if any */
    public Optional<Instant> instant(String key) {
        Optional<String> text = text(key).filter(t -> !t.isBlank());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException utcFailed) {
            try {
                return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
            } catch (DateTimeParseException e) {
                violations.add(new Violation(
                        key,
                        "invalid_instant",
                        key + " must be an ISO-8601 instant such as 2026-12-07T02:00:00+01:00, was '" + text.get()
                                + "'"));
                return Optional.empty();
            }
        }
    }

    private record DestinationBody(String name, Map<String, String> parameters) {}

    private Optional<DestinationBody> destination() {
        Optional<Map<String, Object>> destination = object("destination");
        if (destination.isEmpty()) {
            return Optional.empty();
        }
        Object name = destination.get().get("name");
        if (name != null && !(name instanceof String)) {
            violations.add(new Violation("destination.name", "invalid_type", "destination.name must be a string"));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Object raw = destination.get().get("parameters");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    parameters.put(String.valueOf(key), String.valueOf(value));
                } else {
                    violations.add(new Violation(
                            "destination.parameters." + key,
                            "invalid_type",
                            "destination parameter '" + key + "' must be a string"));
                }
            });
        } else if (raw != null) {
            violations.add(new Violation(
                    "destination.parameters", "invalid_type", "destination.parameters must be an object"));
        }
        return Optional.of(new DestinationBody(name instanceof String n ? n : "", parameters));
    }

    private Optional<MisfirePolicy> misfirePolicy() {
        Optional<String> text = text("misfirePolicy");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MisfirePolicy.valueOf(text.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    "misfirePolicy",
                    "unknown_policy",
                    "misfirePolicy must be one of " + List.of(MisfirePolicy.values()) + ", was '" + text.get() + "'"));
            return Optional.empty();
        }
    }

    private Optional<String> textOr(String key, boolean blankIfMissing) {
        Optional<String> text = text(key);
        return text.isPresent() || !blankIfMissing ? text : Optional.of("");
    }

    private Optional<String> text(String key) {
        Object value = body.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        violations.add(new Violation(key, "invalid_type", key + " must be a string"));
        return Optional.empty();
    }

    private Optional<Boolean> bool(String key) {
        Object value = body.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        violations.add(new Violation(key, "invalid_type", key + " must be true or false"));
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> object(String key) {
        Object value = body.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        violations.add(new Violation(key, "invalid_type", key + " must be an object"));
        return Optional.empty();
    }
}
