package dev.schedex;

import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The validated, user-given part of a schedule: everything but ids, state and timestamps; with its
 * first run when validation computed one (for a new timing).
 */
record Definition(String ownerId, String documentId, String name, Schedule schedule, ZoneId zone, Bounds bounds,
                  String formatId, FormatSettings formatSettings, DestinationSpec destination,
                  MisfirePolicy misfirePolicy, boolean onlyWhenChanged, Optional<Instant> firstRun) {
}
