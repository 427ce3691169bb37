package dev.schedex.spi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a render or a delivery may know about the run it belongs to, and where it reports what it
 * left out. Formats derive anything that would otherwise come from the wall clock (a PDF's creation
 * date, a JSON envelope's export time) from {@link #occurrence()}, so that the same document exported
 * for the same occurrence gives the same bytes.
 *
 * <p>A format or destination that succeeds with something left out (a remote image in a drawing,
 * which exports never load) says so with {@link #warn(String)}; the service records the warnings as
 * the successful run's message. The service makes one context per run; the warnings are kept in the
 * order given, the first {@value #MAX_WARNINGS} of them, and counted beyond that. Safe to call from
 * any thread.
 */
public final class ExportContext {

    /** How many warnings a context keeps word for word. */
    public static final int MAX_WARNINGS = 20;

    private static final DateTimeFormatter BASIC_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final UUID scheduleId;
    private final String scheduleName;
    private final String ownerId;
    private final Instant occurrence;
    private final ZoneId zone;
    private final List<String> warnings = new ArrayList<>();
    private int moreWarnings;

    /**
     * @param scheduleId   the schedule's id
     * @param scheduleName the schedule's name
     * @param ownerId      the schedule's owner
     * @param occurrence   the instant this run is for (not when it happens to execute)
     * @param zone         the schedule's zone, for local dates and times in names and documents
     */
    public ExportContext(UUID scheduleId, String scheduleName, String ownerId, Instant occurrence, ZoneId zone) {
        this.scheduleId = Objects.requireNonNull(scheduleId, "scheduleId");
        this.scheduleName = Objects.requireNonNull(scheduleName, "scheduleName");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.occurrence = Objects.requireNonNull(occurrence, "occurrence");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the schedule's id */
    public UUID scheduleId() {
        return scheduleId;
    }

    /** @return the schedule's name */
    public String scheduleName() {
        return scheduleName;
    }

    /** @return the schedule's owner */
    public String ownerId() {
        return ownerId;
    }

    /** @return the instant this run is for (not when it happens to execute) */
    public Instant occurrence() {
        return occurrence;
    }

    /**
     * A key that names this occurrence of this schedule, the same on every attempt and on every host:
     * the schedule's id, a dash, and the occurrence in UTC as {@code 20261207T080000Z}. Destinations
     * derive what makes a re-delivery replace rather than repeat from it (an object's name, a
     * {@code Message-ID}, an {@code Idempotency-Key} header). Only letters, digits and dashes.
     *
     * @return the key
     */
    public String idempotencyKey() {
        return scheduleId + "-" + BASIC_UTC.format(occurrence);
    }

    /** @return the schedule's zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Records that the export succeeded with something left out, for the schedule's owner to read in
     * the run history.
     *
     * @param warning what was left out and why, in words for a person
     */
    public synchronized void warn(String warning) {
        Objects.requireNonNull(warning, "warning");
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else {
            moreWarnings++;
        }
    }

    /** @return the warnings so far, in order; the last says how many more there were, if any */
    public synchronized List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (moreWarnings > 0) {
            all.add("and " + moreWarnings + " more");
        }
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "ExportContext[scheduleId=" + scheduleId + ", scheduleName=" + scheduleName + ", ownerId=" + ownerId
                + ", occurrence=" + occurrence + ", zone=" + zone + "]";
    }
}
