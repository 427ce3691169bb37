package dev.schedex;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of an owner's schedules to list, and which page. Results are ordered by creation time, then
 * by the id's text form, so that pages are stable.
 *
 * @param ownerId    whose schedules; required
 * @param documentId only those exporting this document
 * @param active     only active (true) or paused (false) ones
 * @param formatId   only those exporting to this format
 * @param offset     how many matching schedules to skip
 * @param limit      how many to return at most, 1 to {@value #MAX_LIMIT}
 */
public record ScheduleQuery(
        String ownerId,
        Optional<String> documentId,
        Optional<Boolean> active,
        Optional<String> formatId,
        int offset,
        int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /** Checks the components. */
    public ScheduleQuery {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(formatId, "formatId");
        if (offset < 0) {
            throw ValidationException.of("offset", "out_of_range", "offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "out_of_range", "limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * @param ownerId whose schedules
     * @return the first page of 50 of all that owner's schedules
     */
    public static ScheduleQuery owner(String ownerId) {
        return new ScheduleQuery(ownerId, Optional.empty(), Optional.empty(), Optional.empty(), 0, 50);
    }

    /** @param documentId the document @return this query, restricted to it */
    public ScheduleQuery document(String documentId) {
        return new ScheduleQuery(ownerId, Optional.of(documentId), active, formatId, offset, limit);
    }

    /** @param isActive true for active, false for paused @return this query, restricted so */
    public ScheduleQuery active(boolean isActive) {
        return new ScheduleQuery(ownerId, documentId, Optional.of(isActive), formatId, offset, limit);
    }

    /** @param format the format id @return this query, restricted to it */
    public ScheduleQuery format(String format) {
        return new ScheduleQuery(ownerId, documentId, active, Optional.of(format), offset, limit);
    }

    /**
     * @param pageOffset how many to skip
     * @param pageLimit  how many at most
     * @return this query for that page
     */
    public ScheduleQuery page(int pageOffset, int pageLimit) {
        return new ScheduleQuery(ownerId, documentId, active, formatId, pageOffset, pageLimit);
    }

    /**
     * @param schedule a schedule
     * @return true if it passes this query's filters (paging aside)
     */
    public boolean matches(ExportSchedule schedule) {
        return schedule.ownerId().equals(ownerId)
                && documentId.map(schedule.documentId()::equals).orElse(true)
                && active.map(a -> a == schedule.active()).orElse(true)
                && formatId.map(schedule.formatId()::equals).orElse(true);
    }
}
