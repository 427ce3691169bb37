package dev.schedex.spi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What a render or a delivery may know about the run it belongs to. Formats derive anything that
 * would otherwise come from the wall clock (a PDF's creation date, a JSON envelope's export time)
 * from {@link #occurrence()}, so that the same document exported for the same occurrence gives the
 * same bytes.
 *
 * @param scheduleId   the schedule's id
 * @param scheduleName the schedule's name
 * @param ownerId      the schedule's owner
 * @param occurrence   the instant this run is for (not when it happens to execute)
 * @param zone         the schedule's zone, for local dates and times in names and documents
 */
public record ExportContext(UUID scheduleId, String scheduleName, String ownerId, Instant occurrence, ZoneId zone) {

    /** Checks that no component is null. */
    public ExportContext {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(scheduleName, "scheduleName");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(zone, "zone");
    }
}
