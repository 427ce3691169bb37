package dev.schedex.spi.store;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.Page;
import dev.schedex.ScheduleQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where schedules and their runs are kept, and how hosts coordinate: claims with leases, runs unique
 * per schedule and occurrence, and writes fenced by lease and version. Every implementation passes
 * the same contract test suite ({@code ScheduleStoreContract} in schedex-testing).
 *
 * <p>The store does no validation and no owner checks: the service does both before it calls the
 * store. All methods must be safe to call from many threads, and, for a shared database, from many
 * hosts at once.
 */
public interface ScheduleStore {

    /**
     * Stores a new schedule.
     *
     * @param schedule the schedule
     * @throws IllegalStateException if a schedule with its id exists
     */
    void insert(ExportSchedule schedule);

    /**
     * @param id a schedule id
     * @return the schedule, if it exists
     */
    Optional<ExportSchedule> find(UUID id);

    /**
     * @param query the filters and page
     * @return the matching schedules, ordered by creation time, then by the id's text form
     */
    Page<ExportSchedule> query(ScheduleQuery query);

    /**
     * Replaces a schedule if it still has the expected revision. Leases are not touched: an owner may
     * edit a schedule while a host runs it (the host's {@link #finishAll} then reports
     * {@link FinishResult#VERSION_CHANGED}).
     *
     * @param schedule         the new content; its revision must be {@code expectedRevision + 1}
     * @param expectedRevision the {@link ExportSchedule#revision()} the change was based on
     * @return false if the schedule is gone or its revision differs
     */
    boolean update(ExportSchedule schedule, long expectedRevision);

    /**
     * Deletes a schedule and its runs.
     *
     * @param id the schedule's id
     * @return false if there was no such schedule
     */
    boolean delete(UUID id);

    /**
     * Claims due schedules: active, with a next run at or before {@code now}, and not leased (or
     * with an expired lease). Each is leased with a token that no other claim call uses (the schedules
     * of one call may share it). Two concurrent calls never claim the same schedule.
     *
     * <p>A schedule that still held an expired lease is taken over: of the runs its host left
     * {@link dev.schedex.RunStatus#RUNNING}, the one with the latest occurrence stays so, and the
     * claim names its occurrence in {@link Claim#takenOver()} (or the schedule's next occurrence, if
     * no run was started); {@link #startRuns} then starts it again with the next attempt. Any other
     * RUNNING run of the schedule is recorded as {@link dev.schedex.RunStatus#FAILED} with the
     * message {@link ExportRun#ABANDONED}.
     *
     * @param now        the current time
     * @param limit      how many to claim at most
     * @param leaseOwner the claiming host's name
     * @param leaseUntil when the leases expire
     * @return the claims, earliest next run first
     */
    List<Claim> claimDue(Instant now, int limit, String leaseOwner, Instant leaseUntil);

    /**
     * Claims one schedule whatever its next run, for running it now, unless another host holds a
     * live lease on it. An expired lease is taken over, but the claim takes over no occurrence:
     * every run its host left {@link dev.schedex.RunStatus#RUNNING} is recorded as
     * {@link dev.schedex.RunStatus#FAILED} with the message {@link ExportRun#ABANDONED} (a later
     * claim of the same occurrence starts it again with the next attempt).
     *
     * @param id         the schedule's id
     * @param now        the current time
     * @param leaseOwner the claiming host's name
     * @param leaseUntil when the lease expires
     * @return the claim, or empty if the schedule is gone or leased
     */
    Optional<Claim> claim(UUID id, Instant now, String leaseOwner, Instant leaseUntil);

    /**
     * Records that the runs of a claimed batch start, in one round trip where the store can. At most
     * one run exists per schedule and occurrence: if one exists and has not succeeded or been skipped
     * (a retry, or a take-over from a host that died), it is started again with its attempt raised by
     * one ({@link ExportRun#takenOver}). Each start stands on its own: one whose lease is lost does not
     * affect the others.
     *
     * @param starts the runs ({@link dev.schedex.RunStatus#RUNNING}, attempt 1) and the leases their
     *               schedules are held under
     * @return for each start, in order, the stored run (with its id and attempt), or empty if the
     *         occurrence already succeeded or was skipped, or the lease is no longer held
     */
    List<Optional<ExportRun>> startRuns(List<RunStart> starts);

    /**
     * Records the ends of claims, each in one atomic step: the finished run (if any), the schedule's
     * new state, and the release of the lease. Nothing is written for an end unless its lease is still
     * held and its schedule still has the expected revision. A store that can write them in one
     * transaction should; each end still stands on its own.
     *
     * @param ends the claims' ends: the finished run or none, the schedule's new state (its revision
     *             {@code expectedRevision + 1}), the revision it was based on, and the lease held
     * @return for each end, in order, what happened
     */
    List<FinishResult> finishAll(List<ClaimEnd> ends);

    /**
     * One page of a schedule's run history.
     *
     * @param scheduleId a schedule id
     * @param before     only runs of occurrences before this one (the last of the previous page), or
     *                   empty for the newest
     * @param limit      how many at most
     * @return the schedule's runs, latest occurrence first
     */
    List<ExportRun> runs(UUID scheduleId, Optional<Instant> before, int limit);

    /**
     * Deletes finished runs that finished before a cutoff (run history retention).
     *
     * @param cutoff the cutoff
     * @return how many runs were deleted
     */
    int deleteRunsFinishedBefore(Instant cutoff);

    /**
     * Releases every live lease a host holds, as a host does when it shuts down, so that the
     * schedules are free for any host at once instead of when the leases expire: each lease is made
     * expired (its end set to the epoch), and the next claim of the schedule takes over what it left,
     * as it takes over any expired lease ({@link Claim#takenOver()}). Until another host claims it, the
     * releasing host's own late finish is still recorded, as with any expired lease.
     *
     * @param leaseOwner the host, as it claims ({@link Lease#owner()})
     * @return how many live leases were released
     */
    int releaseLeases(String leaseOwner);
}
