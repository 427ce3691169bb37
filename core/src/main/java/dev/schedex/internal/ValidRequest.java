package dev.schedex.internal;

import dev.schedex.DestinationSpec;
import dev.schedex.ExportSchedule;
import dev.schedex.FormatSettings;
import dev.schedex.MisfirePolicy;
import dev.schedex.ScheduleState;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A request that passed validation: the user-given part of a schedule (everything but ids, state
 * and timestamps), with its first run when validation computed one (for a new timing).
 *
 * @param ownerId         the owner, as given
 * @param documentId      the document, as given
 * @param name            the name, as given
 * @param schedule        when it runs
 * @param zone            the zone its wall times are in
 * @param bounds          when it may run
 * @param formatId        the format
 * @param formatSettings  the format's settings
 * @param destination     the destination and its parameters
 * @param misfirePolicy   the misfire policy, the service's default if the request named none
 * @param onlyWhenChanged export only changed documents
 * @param firstRun        the first run after the request's time, when the timing is new
 */
public record ValidRequest(
        String ownerId,
        String documentId,
        String name,
        Schedule schedule,
        ZoneId zone,
        Bounds bounds,
        String formatId,
        FormatSettings formatSettings,
        DestinationSpec destination,
        MisfirePolicy misfirePolicy,
        boolean onlyWhenChanged,
        Optional<Instant> firstRun) {

    /**
     * @param id        the schedule's id
     * @param state     its state
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     * @param version   its owner's version
     * @param revision  its revision
     * @return the schedule this request defines
     */
    public ExportSchedule toSchedule(
            UUID id, ScheduleState state, Instant createdAt, Instant updatedAt, long version, long revision) {
        return new ExportSchedule(
                id,
                ownerId,
                documentId,
                name,
                schedule,
                zone,
                bounds,
                formatId,
                formatSettings,
                destination,
                misfirePolicy,
                onlyWhenChanged,
                state,
                createdAt,
                updatedAt,
                version,
                revision);
    }
}
