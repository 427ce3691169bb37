package dev.schedex;

import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored export schedule: what to export, when, how and where, and how its runs went.
 *
 * @param id              the schedule's id
 * @param ownerId         who owns it; every call of the service is scoped to an owner
 * @param documentId      the host's id of the document to export
 * @param name            a name for people
 * @param schedule        when it runs, on the local calendar of {@code zone}
 * @param zone            the IANA zone its wall times are in
 * @param bounds          the period it may run in
 * @param formatId        the export format's id, such as {@code png}
 * @param formatSettings  the format's settings
 * @param destination     where the exports go
 * @param misfirePolicy   what to do with occurrences missed while no host ticked
 * @param onlyWhenChanged export only when the document's version differs from the last successful export's
 * @param state           whether it runs, when next, and how its runs went
 * @param createdAt       when it was created
 * @param updatedAt       when it was last changed, by its owner or by a run
 * @param version         the owner's version: incremented by every change its owner makes, never
 *                        by a run, so that an owner's edit based on it is stale only when another
 *                        edit came first ({@link ScheduleUpdate.Builder#expectedVersion})
 * @param revision        incremented by every write, the owner's and the runs'; stores fence writes on it
 */
public record ExportSchedule(
        UUID id,
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
        ScheduleState state,
        Instant createdAt,
        Instant updatedAt,
        long version,
        long revision) {

    /** Checks that no component is null. */
    public ExportSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(formatId, "formatId");
        Objects.requireNonNull(formatSettings, "formatSettings");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(misfirePolicy, "misfirePolicy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return true if the schedule is not paused */
    public boolean active() {
        return state.active();
    }

    /**
     * This schedule with a new state, as a run leaves it: the same owner's version, the next revision.
     *
     * @param newState  the state
     * @param changedAt when the change happens
     * @return the schedule with that state, {@code updatedAt} and the revision after this one
     */
    public ExportSchedule withState(ScheduleState newState, Instant changedAt) {
        return with(newState, changedAt, version);
    }

    /**
     * This schedule with a new state, as its owner leaves it (pause, resume): the next owner's version
     * and the next revision.
     *
     * @param newState  the state
     * @param changedAt when the change happens
     * @return the schedule with that state, {@code updatedAt}, version and revision
     */
    public ExportSchedule withOwnerState(ScheduleState newState, Instant changedAt) {
        return with(newState, changedAt, version + 1);
    }

    private ExportSchedule with(ScheduleState newState, Instant changedAt, long newVersion) {
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
                newState,
                createdAt,
                changedAt,
                newVersion,
                revision + 1);
    }
}
