package dev.schedex.internal;

import dev.schedex.DestinationSpec;
import dev.schedex.FormatSettings;
import dev.schedex.MisfirePolicy;
import dev.schedex.NewExportSchedule;
import dev.schedex.ValidationException;
import dev.schedex.Violation;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.UnknownCalendarException;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a request against everything the service knows (formats, destinations, zones) and
 * collects every problem, so that one {@link ValidationException} lists them all.
 */
public final class RequestValidator {

    /** The code of a schedule naming a calendar the host lacks. */
    private static final String UNKNOWN_CALENDAR = "unknown_calendar";

    /** The longest owner id, document id and name. */
    private static final int MAX_TEXT = 200;

    private final Map<String, ExportFormat> formats;
    private final Map<String, ExportDestination> destinations;
    private final Set<String> calendars;
    private final NextRunCalculator calculator;

    /**
     * @param formats      the formats schedules may name, by id
     * @param destinations the destinations schedules may name, by name
     * @param calendars    the names of the business calendars schedules may name
     * @param calculator   the calculator that has those calendars
     */
    public RequestValidator(
            Map<String, ExportFormat> formats,
            Map<String, ExportDestination> destinations,
            Set<String> calendars,
            NextRunCalculator calculator) {
        this.formats = formats;
        this.destinations = destinations;
        this.calendars = Set.copyOf(calendars);
        this.calculator = calculator;
    }

    /**
     * @param request         the request
     * @param defaultPolicy   the misfire policy when the request names none
     * @param now             the time the request is made
     * @param needsOccurrence true if the timing is new: it must have an occurrence after {@code now}
     * @return the definition, with its first run after {@code now} if {@code needsOccurrence}
     * @throws ValidationException listing every problem
     */
    public ValidRequest validate(
            NewExportSchedule request, MisfirePolicy defaultPolicy, Instant now, boolean needsOccurrence) {
        List<Violation> violations = new ArrayList<>();
        text("ownerId", request.ownerId(), violations);
        text("documentId", request.documentId(), violations);
        text("name", request.name(), violations);
        Optional<Schedule> schedule = request.schedule().toSchedule(violations);
        Optional<ZoneId> zone = zone(request.zone(), violations);
        Optional<Bounds> bounds = Optional.empty();
        if (request.startAt().isPresent()
                && request.endAt().isPresent()
                && request.endAt().get().isBefore(request.startAt().get())) {
            violations.add(new Violation(
                    "endAt",
                    "before_start",
                    "the end " + request.endAt().get() + " is before the start "
                            + request.startAt().get()));
        } else {
            bounds = Optional.of(new Bounds(request.startAt(), request.endAt()));
        }
        Optional<Instant> firstRun = Optional.empty();
        boolean calendarKnown = !needsOccurrence || calendarKnown(schedule, violations);
        if (needsOccurrence && calendarKnown && schedule.isPresent() && zone.isPresent() && bounds.isPresent()) {
            firstRun = calculator.next(schedule.get(), zone.get(), bounds.get(), now);
            if (firstRun.isEmpty()) {
                violations.add(new Violation(
                        "schedule",
                        "no_occurrence",
                        "'" + schedule.get().describe() + "' in "
                                + zone.get() + " has no occurrence after " + now
                                + request.endAt()
                                        .map(end -> " and before the end " + end)
                                        .orElse("")));
            }
        }
        FormatSettings settings = formatSettings(request.formatId(), request.formatSettings(), violations);
        Map<String, String> parameters =
                destination(request.destinationName(), request.destinationParameters(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ValidRequest(
                request.ownerId(),
                request.documentId(),
                request.name(),
                schedule.orElseThrow(),
                zone.orElseThrow(),
                bounds.orElseThrow(),
                request.formatId(),
                settings,
                DestinationSpec.of(request.destinationName(), parameters),
                request.misfirePolicy().orElse(defaultPolicy),
                request.onlyWhenChanged(),
                firstRun);
    }

    /** A new timing may name only a calendar the host has: one it lacks is a violation of {@code schedule.calendar}. */
    private boolean calendarKnown(Optional<Schedule> schedule, List<Violation> violations) {
        Optional<String> calendar = schedule.flatMap(Schedule::calendarName);
        if (calendar.isEmpty() || calendars.contains(calendar.get())) {
            return true;
        }
        violations.add(new Violation(
                "schedule.calendar",
                UNKNOWN_CALENDAR,
                "unknown business calendar '" + calendar.get() + "'; one of "
                        + (calendars.isEmpty() ? "(none registered)" : String.join(", ", new TreeSet<>(calendars)))));
        return false;
    }

    /**
     * @param missing a calendar the calculator lacked
     * @return the violation a resume or a new timing reports for it
     */
    public static ValidationException unknownCalendar(UnknownCalendarException missing) {
        return ValidationException.of(
                "schedule.calendar",
                UNKNOWN_CALENDAR,
                "unknown business calendar '" + missing.calendar() + "': the host has not registered it");
    }

    /** Ids and names are stored exactly as given, or refused: never trimmed, so that none becomes another. */
    private static void text(String field, String value, List<Violation> violations) {
        if (value.isBlank()) {
            violations.add(new Violation(field, "required", field + " is required"));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new Violation(
                    field, "too_long", field + " must be at most " + MAX_TEXT + " characters, was " + value.length()));
        } else {
            controlCharacter(field, value, violations);
        }
    }

    /**
     * Refuses C0 and C1 control characters and DEL (tab and line breaks included: no field here is
     * free text): they hide in logs and file names, and make two values look alike.
     */
    private static void controlCharacter(String field, String value, List<Violation> violations) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                violations.add(new Violation(
                        field,
                        "control_character",
                        field + " must not contain control" + " characters; found U+" + String.format("%04X", (int) c)
                                + " at position " + i));
                return;
            }
        }
    }

    private static Optional<ZoneId> zone(String zone, List<Violation> violations) {
        if (zone.isBlank()) {
            violations.add(new Violation("zone", "required", "a time zone is required, such as Europe/Berlin"));
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            violations.add(new Violation(
                    "zone",
                    "unknown_zone",
                    "unknown time zone '" + zone + "'; use an IANA zone id such as Europe/Berlin or America/New_York"));
            return Optional.empty();
        }
    }

    private FormatSettings formatSettings(String formatId, Map<String, Object> raw, List<Violation> violations) {
        Map<String, Object> present = withoutNulls("formatSettings", raw, violations);
        FormatSettings settings = FormatSettings.empty();
        try {
            settings = FormatSettings.of(present);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("formatSettings", "invalid_type", String.valueOf(e.getMessage())));
        }
        if (formatId.isBlank()) {
            violations.add(new Violation("formatId", "required", "a format is required; one of " + known(formats)));
            return settings;
        }
        ExportFormat format = formats.get(formatId);
        if (format == null) {
            violations.add(new Violation(
                    "formatId", "unknown_format", "unknown format '" + formatId + "'; one of " + known(formats)));
            return settings;
        }
        format.validateSettings(settings).forEach(v -> violations.add(v.under("formatSettings")));
        return settings;
    }

    private Map<String, String> destination(String name, Map<String, String> raw, List<Violation> violations) {
        Map<String, String> parameters = withoutNulls("destination", raw, violations);
        parameters.forEach((key, value) -> {
            controlCharacter("destination." + key, key, violations);
            controlCharacter("destination." + key, value, violations);
        });
        if (name.isBlank()) {
            violations.add(new Violation(
                    "destination.name", "required", "a destination is required; one of " + known(destinations)));
            return parameters;
        }
        ExportDestination target = destinations.get(name);
        if (target == null) {
            violations.add(new Violation(
                    "destination.name",
                    "unknown_destination",
                    "unknown destination '" + name + "'; one of " + known(destinations)));
            return parameters;
        }
        target.validate(parameters).forEach(v -> violations.add(v.under("destination")));
        return parameters;
    }

    /** The entries with a value; each null value (a JSON {@code null}) is a violation naming its key. */
    private static <V> Map<String, V> withoutNulls(String field, Map<String, V> raw, List<Violation> violations) {
        Map<String, V> present = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (value == null) {
                violations.add(new Violation(
                        field + "." + key,
                        "null_value",
                        key + " has no value (null);" + " leave it out to use the default"));
            } else {
                present.put(key, value);
            }
        });
        return present;
    }

    private static String known(Map<String, ?> registry) {
        return registry.isEmpty() ? "(none registered)" : String.join(", ", new TreeSet<>(registry.keySet()));
    }
}
