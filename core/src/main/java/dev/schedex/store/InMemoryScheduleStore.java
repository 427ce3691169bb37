package dev.schedex.store;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.Page;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleQuery;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ClaimEnd;
import dev.schedex.spi.store.FinishResult;
import dev.schedex.spi.store.Lease;
import dev.schedex.spi.store.RunStart;
import dev.schedex.spi.store.ScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ScheduleStore} in memory, for tests, demos and single-process hosts that keep schedules
 * elsewhere. Nothing survives the process. One lock guards everything: simple and correct, and fast
 * enough for tens of thousands of schedules (due schedules are found through an index ordered by
 * next run, not by scanning).
 */
public final class InMemoryScheduleStore implements ScheduleStore {

    /** Creation time, then the id's text: the order a database gives for ids kept as text. */
    private static final Comparator<ExportSchedule> LISTING_ORDER =
            Comparator.comparing(ExportSchedule::createdAt).thenComparing(s -> s.id().toString());

    /** A due-index key: next run, then id. */
    private record Due(Instant at, UUID id) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    /** A schedule and the lease on it, if any. */
    private record Entry(ExportSchedule schedule, @Nullable Lease lease) {}

    private final Object lock = new Object();
    private final Map<UUID, Entry> schedules = new HashMap<>();
    private final NavigableSet<Due> due = new TreeSet<>();
    private final Map<UUID, NavigableMap<Instant, ExportRun>> runs = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryScheduleStore() {}

    @Override
    public void insert(ExportSchedule schedule) {
        synchronized (lock) {
            if (schedules.containsKey(schedule.id())) {
                throw new IllegalStateException("a schedule with id " + schedule.id() + " exists");
            }
            put(schedule, null);
        }
    }

    @Override
    public Optional<ExportSchedule> find(UUID id) {
        synchronized (lock) {
            return Optional.ofNullable(schedules.get(id)).map(Entry::schedule);
        }
    }

    @Override
    public Page<ExportSchedule> query(ScheduleQuery query) {
        List<ExportSchedule> matching = new ArrayList<>();
        synchronized (lock) {
            for (Entry entry : schedules.values()) {
                if (query.matches(entry.schedule())) {
                    matching.add(entry.schedule());
                }
            }
        }
        matching.sort(LISTING_ORDER);
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), query.offset(), query.limit());
    }

    @Override
    public boolean update(ExportSchedule schedule, long expectedRevision) {
        synchronized (lock) {
            Entry entry = schedules.get(schedule.id());
            if (entry == null || entry.schedule().revision() != expectedRevision) {
                return false;
            }
            remove(entry.schedule());
            put(schedule, entry.lease());
            return true;
        }
    }

    @Override
    public boolean delete(UUID id) {
        synchronized (lock) {
            Entry entry = schedules.get(id);
            if (entry == null) {
                return false;
            }
            remove(entry.schedule());
            schedules.remove(id);
            runs.remove(id);
            return true;
        }
    }

    @Override
    public List<Claim> claimDue(Instant now, int limit, String leaseOwner, Instant leaseUntil) {
        List<Claim> claims = new ArrayList<>();
        synchronized (lock) {
            Iterator<Due> candidates = due.iterator();
            while (claims.size() < limit && candidates.hasNext()) {
                Due next = candidates.next();
                if (next.at().isAfter(now)) {
                    break;
                }
                // the due index holds only stored schedules
                Entry entry = Objects.requireNonNull(schedules.get(next.id()));
                if (isFree(entry, now)) {
                    claims.add(lease(entry, now, leaseOwner, leaseUntil, false));
                }
            }
        }
        return claims;
    }

    @Override
    public Optional<Claim> claim(UUID id, Instant now, String leaseOwner, Instant leaseUntil) {
        synchronized (lock) {
            Entry entry = schedules.get(id);
            return entry != null && isFree(entry, now)
                    ? Optional.of(lease(entry, now, leaseOwner, leaseUntil, true))
                    : Optional.empty();
        }
    }

    @Override
    public List<Optional<ExportRun>> startRuns(List<RunStart> starts) {
        List<Optional<ExportRun>> started = new ArrayList<>(starts.size());
        synchronized (lock) {
            starts.forEach(start -> started.add(start(start.run(), start.lease())));
        }
        return started;
    }

    /** Called with the lock held. */
    private Optional<ExportRun> start(ExportRun run, Lease lease) {
        if (!holds(run.scheduleId(), lease)) {
            return Optional.empty();
        }
        NavigableMap<Instant, ExportRun> history = runs.computeIfAbsent(run.scheduleId(), id -> new TreeMap<>());
        ExportRun existing = history.get(run.occurrence());
        ExportRun started = run;
        if (existing != null) {
            if (existing.status() == RunStatus.SUCCEEDED || existing.status() == RunStatus.SKIPPED) {
                return Optional.empty();
            }
            started = existing.takenOver(run);
        }
        history.put(run.occurrence(), started);
        return Optional.of(started);
    }

    @Override
    public List<FinishResult> finishAll(List<ClaimEnd> ends) {
        List<FinishResult> results = new ArrayList<>(ends.size());
        synchronized (lock) {
            ends.forEach(end -> results.add(finish(end.run(), end.schedule(), end.expectedRevision(), end.lease())));
        }
        return results;
    }

    /** Called with the lock held. */
    private FinishResult finish(Optional<ExportRun> run, ExportSchedule schedule, long expectedRevision, Lease lease) {
        if (!holds(schedule.id(), lease)) {
            return FinishResult.LEASE_LOST;
        }
        Entry entry = Objects.requireNonNull(schedules.get(schedule.id()), "held, so stored");
        if (entry.schedule().revision() != expectedRevision) {
            return FinishResult.VERSION_CHANGED;
        }
        run.ifPresent(
                r -> runs.computeIfAbsent(r.scheduleId(), id -> new TreeMap<>()).put(r.occurrence(), r));
        remove(entry.schedule());
        put(schedule, null);
        return FinishResult.FINISHED;
    }

    @Override
    public List<ExportRun> runs(UUID scheduleId, Optional<Instant> before, int limit) {
        synchronized (lock) {
            NavigableMap<Instant, ExportRun> history = runs.get(scheduleId);
            if (history == null) {
                return List.of();
            }
            return (before.isPresent() ? history.headMap(before.get(), false) : history)
                    .descendingMap().values().stream().limit(limit).toList();
        }
    }

    @Override
    public int releaseLeases(String leaseOwner) {
        int released = 0;
        synchronized (lock) {
            for (Entry entry : List.copyOf(schedules.values())) {
                Lease lease = entry.lease();
                if (lease != null
                        && lease.owner().equals(leaseOwner)
                        && lease.until().isAfter(Instant.EPOCH)) {
                    Lease expired = new Lease(lease.owner(), lease.token(), Instant.EPOCH);
                    schedules.put(entry.schedule().id(), new Entry(entry.schedule(), expired));
                    released++;
                }
            }
        }
        return released;
    }

    @Override
    public int deleteRunsFinishedBefore(Instant cutoff) {
        int deleted = 0;
        synchronized (lock) {
            for (NavigableMap<Instant, ExportRun> history : runs.values()) {
                Iterator<ExportRun> it = history.values().iterator();
                while (it.hasNext()) {
                    ExportRun run = it.next();
                    if (run.finishedAt()
                            .map(finished -> finished.isBefore(cutoff))
                            .orElse(false)) {
                        it.remove();
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }

    private static boolean isFree(Entry entry, Instant now) {
        return entry.lease() == null || entry.lease().until().isBefore(now);
    }

    private boolean holds(UUID scheduleId, Lease lease) {
        Entry entry = schedules.get(scheduleId);
        return entry != null && entry.lease() != null && entry.lease().token().equals(lease.token());
    }

    /** Leases a free schedule, taking over what an expired lease left (see {@link ScheduleStore#claimDue}). */
    private Claim lease(Entry entry, Instant now, String owner, Instant until, boolean forRunNow) {
        ExportSchedule schedule = entry.schedule();
        Lease lease = new Lease(owner, UUID.randomUUID(), until);
        schedules.put(schedule.id(), new Entry(schedule, lease));
        if (entry.lease() == null) {
            return new Claim(schedule, lease);
        }
        NavigableMap<Instant, ExportRun> history = runs.getOrDefault(schedule.id(), new TreeMap<>());
        Optional<Instant> unfinished = forRunNow
                ? Optional.empty()
                : history.values().stream()
                        .filter(run -> run.status() == RunStatus.RUNNING)
                        .map(ExportRun::occurrence)
                        .max(Instant::compareTo);
        history.replaceAll(
                (occurrence, run) -> run.status() == RunStatus.RUNNING && !unfinished.equals(Optional.of(occurrence))
                        ? run.abandoned(now)
                        : run);
        return new Claim(
                schedule,
                lease,
                forRunNow
                        ? Optional.empty()
                        : unfinished.or(() -> schedule.state().nextOccurrence()));
    }

    private void put(ExportSchedule schedule, @Nullable Lease lease) {
        schedules.put(schedule.id(), new Entry(schedule, lease));
        if (schedule.active() && schedule.state().nextRunAt().isPresent()) {
            due.add(new Due(schedule.state().nextRunAt().get(), schedule.id()));
        }
    }

    private void remove(ExportSchedule schedule) {
        schedule.state().nextRunAt().ifPresent(at -> due.remove(new Due(at, schedule.id())));
    }
}
