package dev.schedex.spi;

import dev.schedex.DestinationSpec;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.FormatSettings;
import dev.schedex.MisfirePolicy;
import dev.schedex.Page;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleQuery;
import dev.schedex.ScheduleState;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link ScheduleStore} must have. An implementation's test extends this class
 * and says how to make an empty store; schedex-core ships it in its test jar
 * ({@code <type>test-jar</type>}, classifier {@code tests}).
 */
public abstract class ScheduleStoreContract {

    /** A time every test starts from; millisecond precision, as every store keeps at least that. */
    protected static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private ScheduleStore store;

    /** @return a new, empty store */
    protected abstract ScheduleStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** @return the store under test */
    protected ScheduleStore store() {
        return store;
    }

    /**
     * A schedule with every field set to something other than its default.
     *
     * @param owner   its owner
     * @param nextRun its next run, or null for none
     * @return the schedule
     */
    protected static ExportSchedule schedule(String owner, Instant nextRun) {
        Optional<Instant> next = Optional.ofNullable(nextRun);
        return new ExportSchedule(UUID.randomUUID(), owner, "doc-" + owner, "Nightly export of " + owner,
                Schedule.weekly(java.util.EnumSet.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        LocalTime.of(2, 30)),
                ZoneId.of("Europe/Berlin"), Bounds.between(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(400))),
                "png", FormatSettings.of(Map.of("scale", 2, "background", "#ffffff", "transparent", false)),
                DestinationSpec.of("filesystem", Map.of("path", "{document}/{date}.{ext}", "keep", "3")),
                MisfirePolicy.RUN_ALL, true,
                new ScheduleState(true, Optional.empty(), next, next, Optional.of(T0.minusSeconds(3600)),
                        Optional.of(RunStatus.FAILED), Optional.of("v7"), 12, 3, 1),
                T0.minus(Duration.ofDays(30)), T0.minus(Duration.ofDays(2)), 4);
    }

    private static ExportSchedule withNextRun(ExportSchedule s, Instant next) {
        return s.withState(s.state().withNextRun(Optional.ofNullable(next)), s.updatedAt().plusSeconds(1));
    }

    private static ExportRun run(ExportSchedule s, Instant occurrence, String host) {
        return ExportRun.started(s.id(), occurrence, host, occurrence.plusMillis(250), s.formatId());
    }

    private static ExportRun finished(ExportRun run, RunStatus status) {
        return new ExportRun(run.id(), run.scheduleId(), run.occurrence(), status, run.attempt(), run.host(),
                run.startedAt(), Optional.of(run.startedAt().plusMillis(1234)), run.formatId(), Optional.of("v8"),
                Optional.of(4096L), Optional.of("ab".repeat(32)), Optional.of("doc/2024-03-01.png"),
                status == RunStatus.FAILED ? Optional.of("boom: the renderer failed") : Optional.empty(),
                Optional.of(Duration.ofMillis(800)), Optional.of(Duration.ofMillis(34)));
    }

    private Lease claimOne(ExportSchedule s, Instant now) {
        List<Claim> claims = store.claimDue(now, 10, "host-a", now.plusSeconds(60));
        assertEquals(List.of(s.id()), claims.stream().map(c -> c.schedule().id()).toList());
        return claims.get(0).lease();
    }

    @Test
    void aStoredScheduleReadsBackEqualInEveryField() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        assertEquals(Optional.of(s), store.find(s.id()));
    }

    @Test
    void insertingAnExistingIdFails() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        assertThrows(IllegalStateException.class, () -> store.insert(s));
    }

    @Test
    void findingAMissingScheduleGivesEmpty() {
        assertEquals(Optional.empty(), store.find(UUID.randomUUID()));
    }

    @Test
    void updateSucceedsOnlyAtTheExpectedVersion() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        ExportSchedule changed = withNextRun(s, T0.plusSeconds(60));
        assertFalse(store.update(changed, s.version() + 1), "a wrong version is refused");
        assertEquals(Optional.of(s), store.find(s.id()));
        assertTrue(store.update(changed, s.version()));
        assertEquals(Optional.of(changed), store.find(s.id()));
        assertFalse(store.update(withNextRun(s, T0), s.version()), "the old version is stale now");
    }

    @Test
    void updatingAMissingScheduleFails() {
        ExportSchedule s = schedule("alice", T0);
        assertFalse(store.update(withNextRun(s, T0), s.version()));
    }

    @Test
    void deleteRemovesTheScheduleAndItsRuns() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        assertTrue(store.startRun(run(s, T0, "host-a"), lease).isPresent());
        assertTrue(store.delete(s.id()));
        assertEquals(Optional.empty(), store.find(s.id()));
        assertEquals(List.of(), store.runs(s.id(), 10));
        assertFalse(store.delete(s.id()));
    }

    @Test
    void queryFiltersByOwnerDocumentActiveAndFormat() {
        ExportSchedule a1 = schedule("alice", T0);
        ExportSchedule a2 = withFormat(schedule("alice", T0), "pdf");
        ExportSchedule a3 = paused(schedule("alice", T0));
        ExportSchedule b1 = schedule("bob", T0);
        List.of(a1, a2, a3, b1).forEach(store::insert);
        assertEquals(Set.of(a1.id(), a2.id(), a3.id()), ids(store.query(ScheduleQuery.owner("alice"))));
        assertEquals(Set.of(b1.id()), ids(store.query(ScheduleQuery.owner("bob"))));
        assertEquals(Set.of(), ids(store.query(ScheduleQuery.owner("carol"))));
        assertEquals(Set.of(a2.id()), ids(store.query(ScheduleQuery.owner("alice").format("pdf"))));
        assertEquals(Set.of(a1.id(), a2.id()), ids(store.query(ScheduleQuery.owner("alice").active(true))));
        assertEquals(Set.of(a3.id()), ids(store.query(ScheduleQuery.owner("alice").active(false))));
        assertEquals(Set.of(a1.id(), a2.id(), a3.id()), ids(store.query(ScheduleQuery.owner("alice").document("doc-alice"))));
        assertEquals(Set.of(), ids(store.query(ScheduleQuery.owner("alice").document("doc-bob"))));
    }

    private static ExportSchedule withFormat(ExportSchedule s, String format) {
        return new ExportSchedule(s.id(), s.ownerId(), s.documentId(), s.name(), s.schedule(), s.zone(), s.bounds(),
                format, FormatSettings.empty(), s.destination(), s.misfirePolicy(), s.onlyWhenChanged(), s.state(),
                s.createdAt(), s.updatedAt(), s.version());
    }

    private static ExportSchedule paused(ExportSchedule s) {
        return new ExportSchedule(s.id(), s.ownerId(), s.documentId(), s.name(), s.schedule(), s.zone(), s.bounds(),
                s.formatId(), s.formatSettings(), s.destination(), s.misfirePolicy(), s.onlyWhenChanged(),
                s.state().paused(Optional.of("paused by a test")), s.createdAt(), s.updatedAt(), s.version());
    }

    private static ExportSchedule createdAt(ExportSchedule s, Instant createdAt) {
        return new ExportSchedule(s.id(), s.ownerId(), s.documentId(), s.name(), s.schedule(), s.zone(), s.bounds(),
                s.formatId(), s.formatSettings(), s.destination(), s.misfirePolicy(), s.onlyWhenChanged(), s.state(),
                createdAt, s.updatedAt(), s.version());
    }

    private static Set<UUID> ids(Page<ExportSchedule> page) {
        Set<UUID> ids = new HashSet<>();
        page.items().forEach(s -> ids.add(s.id()));
        return ids;
    }

    @Test
    void queryPagesInCreationOrderThenById() {
        List<ExportSchedule> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two share each creation time, so the id decides between them
            all.add(createdAt(schedule("alice", T0), T0.minusSeconds(100 - i / 2)));
        }
        List<ExportSchedule> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.forEach(store::insert);
        all.sort(java.util.Comparator.comparing(ExportSchedule::createdAt).thenComparing(s -> s.id().toString()));
        Page<ExportSchedule> first = store.query(ScheduleQuery.owner("alice").page(0, 3));
        Page<ExportSchedule> second = store.query(ScheduleQuery.owner("alice").page(3, 3));
        Page<ExportSchedule> third = store.query(ScheduleQuery.owner("alice").page(6, 3));
        assertEquals(all.subList(0, 3), first.items());
        assertEquals(all.subList(3, 6), second.items());
        assertEquals(all.subList(6, 7), third.items());
        assertEquals(7, first.total());
        assertTrue(first.hasMore());
        assertFalse(third.hasMore());
        assertEquals(List.of(), store.query(ScheduleQuery.owner("alice").page(10, 3)).items());
    }

    @Test
    void claimDueTakesActiveDueUnleasedSchedulesEarliestFirst() {
        ExportSchedule later = schedule("alice", T0.minusSeconds(10));
        ExportSchedule earlier = schedule("alice", T0.minusSeconds(20));
        ExportSchedule future = schedule("alice", T0.plusSeconds(1));
        ExportSchedule inactive = paused(schedule("alice", T0.minusSeconds(30)));
        ExportSchedule none = schedule("alice", null);
        List.of(later, earlier, future, inactive, none).forEach(store::insert);
        List<Claim> claims = store.claimDue(T0, 10, "host-a", T0.plusSeconds(60));
        assertEquals(List.of(earlier.id(), later.id()), claims.stream().map(c -> c.schedule().id()).toList());
        assertEquals(earlier, claims.get(0).schedule());
        assertEquals("host-a", claims.get(0).lease().owner());
        assertEquals(T0.plusSeconds(60), claims.get(0).lease().until());
        assertEquals(List.of(), store.claimDue(T0, 10, "host-b", T0.plusSeconds(60)), "leased schedules are not due");
    }

    @Test
    void aDueAtExactlyNowCountsAsDue() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        claimOne(s, T0);
    }

    @Test
    void claimDueRespectsTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.insert(schedule("alice", T0.minusSeconds(i)));
        }
        assertEquals(3, store.claimDue(T0, 3, "host-a", T0.plusSeconds(60)).size());
        assertEquals(2, store.claimDue(T0, 3, "host-a", T0.plusSeconds(60)).size());
        assertEquals(0, store.claimDue(T0, 3, "host-a", T0.plusSeconds(60)).size());
    }

    @Test
    void anExpiredLeaseCanBeReleasedAndTheScheduleClaimedAgain() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        claimOne(s, T0);
        assertEquals(0, store.releaseExpiredLeases(T0.plusSeconds(60)), "a lease is live up to its end");
        assertEquals(1, store.releaseExpiredLeases(T0.plusSeconds(61)));
        Lease second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120)).get(0).lease();
        assertEquals("host-b", second.owner());
    }

    @Test
    void claimingOneScheduleWorksWhateverItsNextRunButNotWhileLeased() {
        ExportSchedule s = paused(schedule("alice", T0.plusSeconds(3600)));
        store.insert(s);
        Optional<Claim> claim = store.claim(s.id(), T0, "host-a", T0.plusSeconds(60));
        assertTrue(claim.isPresent());
        assertEquals(Optional.empty(), store.claim(s.id(), T0, "host-b", T0.plusSeconds(60)));
        assertEquals(Optional.empty(), store.claim(UUID.randomUUID(), T0, "host-b", T0.plusSeconds(60)));
    }

    @Test
    void aRunIsUniquePerScheduleAndOccurrence() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        ExportRun started = store.startRun(run(s, T0, "host-a"), lease).orElseThrow();
        assertEquals(1, started.attempt());
        ExportRun done = finished(started, RunStatus.SUCCEEDED);
        assertEquals(FinishResult.FINISHED, store.finish(Optional.of(done), withNextRun(s, T0.plusSeconds(3600)),
                s.version(), lease));
        assertEquals(List.of(done), store.runs(s.id(), 10));

        ExportSchedule current = store.find(s.id()).orElseThrow();
        ExportSchedule dueAgain = withNextRun(current, T0);
        assertTrue(store.update(dueAgain, current.version()));
        Lease again = claimOne(s, T0);
        assertEquals(Optional.empty(), store.startRun(run(s, T0, "host-b"), again),
                "an occurrence that succeeded does not start again");
    }

    @Test
    void aFailedOrAbandonedRunIsTakenOverWithTheNextAttempt() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease first = claimOne(s, T0);
        ExportRun started = store.startRun(run(s, T0, "host-a"), first).orElseThrow();
        // host-a dies: its lease expires and host-b takes over the same occurrence
        store.releaseExpiredLeases(T0.plusSeconds(61));
        Lease second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120)).get(0).lease();
        ExportRun takenOver = store.startRun(run(s, T0, "host-b"), second).orElseThrow();
        assertEquals(started.id(), takenOver.id());
        assertEquals(2, takenOver.attempt());
        assertEquals("host-b", takenOver.host());
        assertEquals(List.of(takenOver), store.runs(s.id(), 10));
        ExportRun failed = finished(takenOver, RunStatus.FAILED);
        assertEquals(FinishResult.FINISHED, store.finish(Optional.of(failed), withNextRun(s, T0.plusSeconds(120)),
                s.version(), second));
        ExportSchedule current = store.find(s.id()).orElseThrow();
        Lease third = claimOne(current, T0.plusSeconds(120));
        assertEquals(3, store.startRun(run(s, T0, "host-c"), third).orElseThrow().attempt());
    }

    @Test
    void writesWithALostLeaseAreRefused() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease first = claimOne(s, T0);
        store.releaseExpiredLeases(T0.plusSeconds(61));
        Lease second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120)).get(0).lease();
        assertEquals(Optional.empty(), store.startRun(run(s, T0, "host-a"), first));
        ExportRun run = store.startRun(run(s, T0, "host-b"), second).orElseThrow();
        assertEquals(FinishResult.LEASE_LOST, store.finish(Optional.of(finished(run, RunStatus.SUCCEEDED)),
                withNextRun(s, T0.plusSeconds(3600)), s.version(), first));
        assertEquals(Optional.of(s), store.find(s.id()), "nothing was written");
        assertEquals(RunStatus.RUNNING, store.runs(s.id(), 1).get(0).status());
    }

    @Test
    void finishIsRefusedWhenTheScheduleChangedMeanwhile() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        ExportRun run = store.startRun(run(s, T0, "host-a"), lease).orElseThrow();
        ExportSchedule edited = withNextRun(s, T0.plusSeconds(999));
        assertTrue(store.update(edited, s.version()), "an owner may edit a leased schedule");
        assertEquals(FinishResult.VERSION_CHANGED, store.finish(Optional.of(finished(run, RunStatus.SUCCEEDED)),
                withNextRun(s, T0.plusSeconds(3600)), s.version(), lease));
        assertEquals(RunStatus.RUNNING, store.runs(s.id(), 1).get(0).status(), "nothing was written");
        ExportSchedule next = withNextRun(edited, T0.plusSeconds(3600));
        assertEquals(FinishResult.FINISHED, store.finish(Optional.of(finished(run, RunStatus.SUCCEEDED)), next,
                edited.version(), lease));
        assertEquals(Optional.of(next), store.find(s.id()));
    }

    @Test
    void finishReleasesTheLease() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        ExportSchedule dueAgain = withNextRun(s, T0);
        assertEquals(FinishResult.FINISHED, store.finish(Optional.empty(), dueAgain, s.version(), lease));
        assertEquals(1, store.claimDue(T0, 10, "host-b", T0.plusSeconds(60)).size());
    }

    @Test
    void runsComeLatestOccurrenceFirstAndRetentionDeletesOldFinishedOnes() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        List<ExportRun> done = new ArrayList<>();
        ExportSchedule current = s;
        for (int i = 0; i < 4; i++) {
            Instant occurrence = T0.plus(i, ChronoUnit.DAYS);
            Lease lease = claimOne(current, occurrence);
            ExportRun run = finished(store.startRun(run(s, occurrence, "host-a"), lease).orElseThrow(), RunStatus.SUCCEEDED);
            ExportSchedule next = withNextRun(current, occurrence.plus(1, ChronoUnit.DAYS));
            assertEquals(FinishResult.FINISHED, store.finish(Optional.of(run), next, current.version(), lease));
            current = next;
            done.add(run);
        }
        assertEquals(List.of(done.get(3), done.get(2)), store.runs(s.id(), 2));
        assertEquals(2, store.deleteRunsFinishedBefore(T0.plus(2, ChronoUnit.DAYS)));
        assertEquals(List.of(done.get(3), done.get(2)), store.runs(s.id(), 10));
    }

    @Test
    void timestampsKeepMillisecondsExactly() {
        ExportSchedule s = schedule("alice", Instant.parse("2024-03-01T09:59:59.123Z"));
        store.insert(s);
        assertEquals(s.state().nextRunAt(), store.find(s.id()).orElseThrow().state().nextRunAt());
    }

    @Test
    void concurrentClaimersNeverClaimTheSameSchedule() throws Exception {
        int schedules = 200;
        for (int i = 0; i < schedules; i++) {
            store.insert(schedule("alice", T0.minusSeconds(i)));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<UUID>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String host = "host-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    List<Claim> batch;
                    while (!(batch = store.claimDue(T0, 7, host, T0.plusSeconds(60))).isEmpty()) {
                        batch.forEach(c -> mine.add(c.schedule().id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(schedules, all.size(), "every schedule claimed");
            assertEquals(schedules, new HashSet<>(all).size(), "none claimed twice");
        } finally {
            pool.shutdownNow();
        }
    }
}
