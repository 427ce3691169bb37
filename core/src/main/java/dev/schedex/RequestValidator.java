package dev.schedex;

import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportFormat;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a request against everything the service knows (formats, destinations, zones) and
 * collects every problem, so that one {@link ValidationException} lists them all.
 */
final class RequestValidator {

    /** The longest owner id, document id and name. */
    static final int MAX_TEXT = 200;

    private final Map<String, ExportFormat> formats;
    private final Map<String, ExportDestination> destinations;

    RequestValidator(Map<String, ExportFormat> formats, Map<String, ExportDestination> destinations) {
        this.formats = formats;
        this.destinations = destinations;
    }

    /**
     * @param request       the request
     * @param defaultPolicy the misfire policy when the request names none
     * @return the definition
     * @throws ValidationException listing every problem
     */
    Definition validate(NewExportSchedule request, MisfirePolicy defaultPolicy) {
        List<Violation> violations = new ArrayList<>();
        text("ownerId", request.ownerId(), violations);
        text("documentId", request.documentId(), violations);
        text("name", request.name(), violations);
        Optional<Schedule> schedule = request.schedule().toSchedule(violations);
        Optional<ZoneId> zone = zone(request.zone(), violations);
        Bounds bounds = Bounds.unbounded();
        if (request.startAt().isPresent() && request.endAt().isPresent()
                && request.endAt().get().isBefore(request.startAt().get())) {
            violations.add(new Violation("endAt", "before_start", "the end " + request.endAt().get()
                    + " is before the start " + request.startAt().get()));
        } else {
            bounds = new Bounds(request.startAt(), request.endAt());
        }
        FormatSettings settings = formatSettings(request.formatId(), request.formatSettings(), violations);
        destination(request.destination(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Definition(request.ownerId().strip(), request.documentId().strip(), request.name().strip(),
                schedule.orElseThrow(), zone.orElseThrow(), bounds, request.formatId().strip(), settings,
                request.destination(), request.misfirePolicy().orElse(defaultPolicy), request.onlyWhenChanged());
    }

    private static void text(String field, String value, List<Violation> violations) {
        if (value.isBlank()) {
            violations.add(new Violation(field, "required", field + " is required"));
        } else if (value.strip().length() > MAX_TEXT) {
            violations.add(new Violation(field, "too_long", field + " must be at most " + MAX_TEXT
                    + " characters, was " + value.strip().length()));
        }
    }

    private static Optional<ZoneId> zone(String zone, List<Violation> violations) {
        if (zone.isBlank()) {
            violations.add(new Violation("zone", "required", "a time zone is required, such as Europe/Berlin"));
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            violations.add(new Violation("zone", "unknown_zone", "unknown time zone '" + zone
                    + "'; use an IANA zone id such as Europe/Berlin or America/New_York"));
            return Optional.empty();
        }
    }

    private FormatSettings formatSettings(String formatId, Map<String, Object> raw, List<Violation> violations) {
        FormatSettings settings = FormatSettings.empty();
        try {
            settings = FormatSettings.of(raw);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("formatSettings", "invalid_type", e.getMessage()));
        }
        if (formatId.isBlank()) {
            violations.add(new Violation("formatId", "required", "a format is required; one of " + known(formats)));
            return settings;
        }
        ExportFormat format = formats.get(formatId.strip());
        if (format == null) {
            violations.add(new Violation("formatId", "unknown_format", "unknown format '" + formatId
                    + "'; one of " + known(formats)));
            return settings;
        }
        format.validateSettings(settings).forEach(v -> violations.add(v.under("formatSettings")));
        return settings;
    }

    private void destination(DestinationSpec destination, List<Violation> violations) {
        if (destination.type().isBlank()) {
            violations.add(new Violation("destination.type", "required", "a destination is required; one of "
                    + known(destinations)));
            return;
        }
        ExportDestination target = destinations.get(destination.type());
        if (target == null) {
            violations.add(new Violation("destination.type", "unknown_destination", "unknown destination type '"
                    + destination.type() + "'; one of " + known(destinations)));
            return;
        }
        target.validate(destination.parameters()).forEach(v -> violations.add(v.under("destination")));
    }

    private static String known(Map<String, ?> registry) {
        return registry.isEmpty() ? "(none registered)" : String.join(", ", new TreeSet<>(registry.keySet()));
    }
}
