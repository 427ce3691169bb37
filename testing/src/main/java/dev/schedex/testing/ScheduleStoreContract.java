package dev.schedex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.DestinationSpec;
import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.FormatSettings;
import dev.schedex.MisfirePolicy;
import dev.schedex.NewExportSchedule;
import dev.schedex.Page;
import dev.schedex.RunStatus;
import dev.schedex.ScheduleQuery;
import dev.schedex.ScheduleState;
import dev.schedex.schedule.Bounds;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ClaimEnd;
import dev.schedex.spi.store.FinishResult;
import dev.schedex.spi.store.Lease;
import dev.schedex.spi.store.RunStart;
import dev.schedex.spi.store.ScheduleStore;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    protected static ExportSchedule schedule(String owner, @Nullable Instant nextRun) {
        Optional<Instant> next = Optional.ofNullable(nextRun);
        return new ExportSchedule(
                UUID.randomUUID(),
                owner,
                "doc-" + owner,
                "Nightly export of " + owner,
                Schedule.weekly(
                        java.util.EnumSet.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        LocalTime.of(2, 30)),
                ZoneId.of("Europe/Berlin"),
                Bounds.between(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(400))),
                "png",
                FormatSettings.of(Map.of("scale", 2, "background", "#ffffff", "transparent", false)),
                DestinationSpec.of("filesystem", Map.of("path", "{document}/{date}.{ext}", "keep", "3")),
                MisfirePolicy.RUN_ALL,
                true,
                new ScheduleState(
                        true,
                        Optional.empty(),
                        next,
                        next,
                        Optional.of(T0.minusSeconds(3600)),
                        Optional.of(RunStatus.FAILED),
                        Optional.of("v7"),
                        12,
                        3,
                        1),
                T0.minus(Duration.ofDays(30)),
                T0.minus(Duration.ofDays(2)),
                4,
                9);
    }

    private static ExportSchedule withNextRun(ExportSchedule s, @Nullable Instant next) {
        return s.withState(
                s.state().withNextRun(Optional.ofNullable(next)), s.updatedAt().plusSeconds(1));
    }

    private static ExportRun run(ExportSchedule s, Instant occurrence, String host) {
        return ExportRun.started(s.id(), occurrence, host, occurrence.plusMillis(250), s.formatId());
    }

    private static ExportRun finished(ExportRun run, RunStatus status) {
        return new ExportRun(
                run.id(),
                run.scheduleId(),
                run.occurrence(),
                status,
                run.attempt(),
                run.host(),
                run.startedAt(),
                Optional.of(run.startedAt().plusMillis(1234)),
                run.formatId(),
                Optional.of("v8"),
                Optional.of(4096L),
                Optional.of("ab".repeat(32)),
                Optional.of("doc/2024-03-01.png"),
                status == RunStatus.FAILED ? Optional.of("boom: the renderer failed") : Optional.empty(),
                Optional.of(Duration.ofMillis(800)),
                Optional.of(Duration.ofMillis(34)));
    }

    private Optional<ExportRun> startRun(ExportRun run, Lease lease) {
        return store.startRuns(List.of(new RunStart(run, lease))).get(0);
    }

    private FinishResult finish(Optional<ExportRun> run, ExportSchedule schedule, long expectedRevision, Lease lease) {
        return store.finishAll(List.of(new ClaimEnd(run, schedule, expectedRevision, lease)))
                .get(0);
    }

    private Lease claimOne(ExportSchedule s, Instant now) {
        List<Claim> claims = store.claimDue(now, 10, "host-a", now.plusSeconds(60));
        assertEquals(
                List.of(s.id()), claims.stream().map(c -> c.schedule().id()).toList());
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
        assertFalse(store.update(changed, s.revision() + 1), "a wrong version is refused");
        assertEquals(Optional.of(s), store.find(s.id()));
        assertTrue(store.update(changed, s.revision()));
        assertEquals(Optional.of(changed), store.find(s.id()));
        assertFalse(store.update(withNextRun(s, T0), s.revision()), "the old version is stale now");
    }

    @Test
    void updatingAMissingScheduleFails() {
        ExportSchedule s = schedule("alice", T0);
        assertFalse(store.update(withNextRun(s, T0), s.revision()));
    }

    @Test
    void deleteRemovesTheScheduleAndItsRuns() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        assertTrue(startRun(run(s, T0, "host-a"), lease).isPresent());
        assertTrue(store.delete(s.id()));
        assertEquals(Optional.empty(), store.find(s.id()));
        assertEquals(List.of(), store.runs(s.id(), java.util.Optional.empty(), 10));
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
        assertEquals(
                Set.of(a2.id()), ids(store.query(ScheduleQuery.owner("alice").format("pdf"))));
        assertEquals(
                Set.of(a1.id(), a2.id()),
                ids(store.query(ScheduleQuery.owner("alice").active(true))));
        assertEquals(
                Set.of(a3.id()), ids(store.query(ScheduleQuery.owner("alice").active(false))));
        assertEquals(
                Set.of(a1.id(), a2.id(), a3.id()),
                ids(store.query(ScheduleQuery.owner("alice").document("doc-alice"))));
        assertEquals(Set.of(), ids(store.query(ScheduleQuery.owner("alice").document("doc-bob"))));
    }

    private static ExportSchedule withFormat(ExportSchedule s, String format) {
        return new ExportSchedule(
                s.id(),
                s.ownerId(),
                s.documentId(),
                s.name(),
                s.schedule(),
                s.zone(),
                s.bounds(),
                format,
                FormatSettings.empty(),
                s.destination(),
                s.misfirePolicy(),
                s.onlyWhenChanged(),
                s.state(),
                s.createdAt(),
                s.updatedAt(),
                s.version(),
                s.revision());
    }

    /**
     * @param s        a schedule
     * @param schedule its new timing
     * @return the schedule with that timing, all else as it was
     */
    protected static ExportSchedule withSchedule(ExportSchedule s, Schedule schedule) {
        return new ExportSchedule(
                s.id(),
                s.ownerId(),
                s.documentId(),
                s.name(),
                schedule,
                s.zone(),
                s.bounds(),
                s.formatId(),
                s.formatSettings(),
                s.destination(),
                s.misfirePolicy(),
                s.onlyWhenChanged(),
                s.state(),
                s.createdAt(),
                s.updatedAt(),
                s.version(),
                s.revision());
    }

    private static ExportSchedule paused(ExportSchedule s) {
        return new ExportSchedule(
                s.id(),
                s.ownerId(),
                s.documentId(),
                s.name(),
                s.schedule(),
                s.zone(),
                s.bounds(),
                s.formatId(),
                s.formatSettings(),
                s.destination(),
                s.misfirePolicy(),
                s.onlyWhenChanged(),
                s.state().paused(Optional.of("paused by a test")),
                s.createdAt(),
                s.updatedAt(),
                s.version(),
                s.revision());
    }

    private static ExportSchedule createdAt(ExportSchedule s, Instant createdAt) {
        return new ExportSchedule(
                s.id(),
                s.ownerId(),
                s.documentId(),
                s.name(),
                s.schedule(),
                s.zone(),
                s.bounds(),
                s.formatId(),
                s.formatSettings(),
                s.destination(),
                s.misfirePolicy(),
                s.onlyWhenChanged(),
                s.state(),
                createdAt,
                s.updatedAt(),
                s.version(),
                s.revision());
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
        assertEquals(
                List.of(), store.query(ScheduleQuery.owner("alice").page(10, 3)).items());
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
        assertEquals(
                List.of(earlier.id(), later.id()),
                claims.stream().map(c -> c.schedule().id()).toList());
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
    void anExpiredLeaseIsTakenOverByTheNextClaim() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Claim first = store.claimDue(T0, 10, "host-a", T0.plusSeconds(60)).get(0);
        assertFalse(first.takesOver(), "a first claim takes nothing over");
        assertEquals(
                List.of(),
                store.claimDue(T0.plusSeconds(60), 10, "host-b", T0.plusSeconds(120)),
                "a lease is live up to its end");
        Claim second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120))
                .get(0);
        assertEquals("host-b", second.lease().owner());
        assertEquals(Optional.of(T0), second.takenOver(), "no run was started: the next occurrence is taken over");
    }

    @Test
    void aTakeOverNamesTheLatestUnfinishedRunAndAbandonsTheOthers() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        // host-a runs the schedule now (a run-now call), and dies: its run stays RUNNING
        Lease manual = store.claim(s.id(), T0.minusSeconds(30), "host-a", T0.plusSeconds(30))
                .orElseThrow()
                .lease();
        ExportRun orphan =
                startRun(run(s, T0.minusSeconds(30), "host-a"), manual).orElseThrow();
        // host-b claims the due schedule, starts a run chosen by a misfire policy, and dies too
        Claim second = store.claimDue(T0.plusSeconds(31), 10, "host-b", T0.plusSeconds(90))
                .get(0);
        assertEquals(Optional.of(T0.minusSeconds(30)), second.takenOver());
        Instant chosen = T0.plusSeconds(20);
        ExportRun regular = startRun(run(s, chosen, "host-b"), second.lease()).orElseThrow();

        Claim third = store.claimDue(T0.plusSeconds(91), 10, "host-c", T0.plusSeconds(150))
                .get(0);
        assertEquals(Optional.of(chosen), third.takenOver(), "the latest unfinished run is taken over");
        List<ExportRun> runs = store.runs(s.id(), java.util.Optional.empty(), 10);
        assertEquals(
                List.of(regular.id(), orphan.id()),
                runs.stream().map(ExportRun::id).toList());
        assertEquals(RunStatus.RUNNING, runs.get(0).status());
        assertEquals(RunStatus.FAILED, runs.get(1).status(), "no other run stays RUNNING after a take-over");
        assertEquals(Optional.of(ExportRun.ABANDONED), runs.get(1).message());
        assertEquals(Optional.of(T0.plusSeconds(91)), runs.get(1).finishedAt());
        assertEquals(
                2,
                startRun(run(s, chosen, "host-c"), third.lease()).orElseThrow().attempt());
    }

    @Test
    void aRunNowClaimOfAnExpiredLeaseAbandonsEveryUnfinishedRun() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease first = claimOne(s, T0);
        assertTrue(startRun(run(s, T0, "host-a"), first).isPresent());
        Claim manual = store.claim(s.id(), T0.plusSeconds(61), "host-b", T0.plusSeconds(120))
                .orElseThrow();
        assertFalse(manual.takesOver(), "a run-now claim runs its own occurrence");
        ExportRun abandoned = store.runs(s.id(), java.util.Optional.empty(), 10).get(0);
        assertEquals(RunStatus.FAILED, abandoned.status());
        assertEquals(Optional.of(ExportRun.ABANDONED), abandoned.message());
        assertEquals(
                2,
                startRun(run(s, T0, "host-b"), manual.lease()).orElseThrow().attempt(),
                "an abandoned occurrence can still be run again");
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
        ExportRun started = startRun(run(s, T0, "host-a"), lease).orElseThrow();
        assertEquals(1, started.attempt());
        ExportRun done = finished(started, RunStatus.SUCCEEDED);
        assertEquals(
                FinishResult.FINISHED,
                finish(Optional.of(done), withNextRun(s, T0.plusSeconds(3600)), s.revision(), lease));
        assertEquals(List.of(done), store.runs(s.id(), java.util.Optional.empty(), 10));

        ExportSchedule current = store.find(s.id()).orElseThrow();
        ExportSchedule dueAgain = withNextRun(current, T0);
        assertTrue(store.update(dueAgain, current.revision()));
        Lease again = claimOne(s, T0);
        assertEquals(
                Optional.empty(),
                startRun(run(s, T0, "host-b"), again),
                "an occurrence that succeeded does not start again");
    }

    @Test
    void aFailedOrAbandonedRunIsTakenOverWithTheNextAttempt() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease first = claimOne(s, T0);
        ExportRun started = startRun(run(s, T0, "host-a"), first).orElseThrow();
        // host-a dies: its lease expires and host-b takes over the same occurrence
        Lease second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120))
                .get(0)
                .lease();
        ExportRun takenOver = startRun(run(s, T0, "host-b"), second).orElseThrow();
        assertEquals(started.id(), takenOver.id());
        assertEquals(2, takenOver.attempt());
        assertEquals("host-b", takenOver.host());
        assertEquals(List.of(takenOver), store.runs(s.id(), java.util.Optional.empty(), 10));
        ExportRun failed = finished(takenOver, RunStatus.FAILED);
        assertEquals(
                FinishResult.FINISHED,
                finish(Optional.of(failed), withNextRun(s, T0.plusSeconds(120)), s.revision(), second));
        ExportSchedule current = store.find(s.id()).orElseThrow();
        Lease third = claimOne(current, T0.plusSeconds(120));
        assertEquals(3, startRun(run(s, T0, "host-c"), third).orElseThrow().attempt());
    }

    @Test
    void releasedLeasesAreTakenOverByTheNextClaimAtOnce() {
        ExportSchedule mine = schedule("alice", T0);
        ExportSchedule theirs = schedule("bob", T0);
        store.insert(mine);
        store.insert(theirs);
        Lease b = store.claim(theirs.id(), T0, "host-b", T0.plusSeconds(60))
                .orElseThrow()
                .lease();
        Lease a = claimOne(mine, T0);
        ExportRun running = startRun(run(mine, T0, "host-a"), a).orElseThrow();
        assertEquals(List.of(), store.claimDue(T0, 10, "host-c", T0.plusSeconds(60)), "both are leased");
        assertEquals(1, store.releaseLeases(a.owner()), "only the leases of the host that shuts down");
        assertEquals(0, store.releaseLeases(a.owner()), "a released lease is not live");
        List<Claim> claims = store.claimDue(T0.plusSeconds(1), 10, "host-c", T0.plusSeconds(60));
        assertEquals(
                List.of(mine.id()), claims.stream().map(c -> c.schedule().id()).toList());
        assertEquals(Optional.of(running.occurrence()), claims.get(0).takenOver(), "the run host-a left is taken over");
        assertTrue(
                store.claim(theirs.id(), T0.plusSeconds(1), "host-c", T0.plusSeconds(60))
                        .isEmpty(),
                "host-b's lease is untouched");
        assertEquals("host-b", b.owner());
        assertEquals(
                FinishResult.LEASE_LOST,
                finish(
                        Optional.of(finished(running, RunStatus.SUCCEEDED)),
                        withNextRun(mine, T0.plusSeconds(3600)),
                        mine.revision(),
                        a),
                "host-a's late finish is fenced once another host claimed");
    }

    @Test
    void writesWithALostLeaseAreRefused() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease first = claimOne(s, T0);
        Lease second = store.claimDue(T0.plusSeconds(61), 10, "host-b", T0.plusSeconds(120))
                .get(0)
                .lease();
        assertEquals(Optional.empty(), startRun(run(s, T0, "host-a"), first));
        ExportRun run = startRun(run(s, T0, "host-b"), second).orElseThrow();
        assertEquals(
                FinishResult.LEASE_LOST,
                finish(
                        Optional.of(finished(run, RunStatus.SUCCEEDED)),
                        withNextRun(s, T0.plusSeconds(3600)),
                        s.revision(),
                        first));
        assertEquals(Optional.of(s), store.find(s.id()), "nothing was written");
        assertEquals(
                RunStatus.RUNNING,
                store.runs(s.id(), java.util.Optional.empty(), 1).get(0).status());
    }

    @Test
    void finishIsRefusedWhenTheScheduleChangedMeanwhile() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        ExportRun run = startRun(run(s, T0, "host-a"), lease).orElseThrow();
        ExportSchedule edited = withNextRun(s, T0.plusSeconds(999));
        assertTrue(store.update(edited, s.revision()), "an owner may edit a leased schedule");
        assertEquals(
                FinishResult.VERSION_CHANGED,
                finish(
                        Optional.of(finished(run, RunStatus.SUCCEEDED)),
                        withNextRun(s, T0.plusSeconds(3600)),
                        s.revision(),
                        lease));
        assertEquals(
                RunStatus.RUNNING,
                store.runs(s.id(), java.util.Optional.empty(), 1).get(0).status(),
                "nothing was written");
        ExportSchedule next = withNextRun(edited, T0.plusSeconds(3600));
        assertEquals(
                FinishResult.FINISHED,
                finish(Optional.of(finished(run, RunStatus.SUCCEEDED)), next, edited.revision(), lease));
        assertEquals(Optional.of(next), store.find(s.id()));
    }

    @Test
    void finishReleasesTheLease() {
        ExportSchedule s = schedule("alice", T0);
        store.insert(s);
        Lease lease = claimOne(s, T0);
        ExportSchedule dueAgain = withNextRun(s, T0);
        assertEquals(FinishResult.FINISHED, finish(Optional.empty(), dueAgain, s.revision(), lease));
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
            ExportRun run =
                    finished(startRun(run(s, occurrence, "host-a"), lease).orElseThrow(), RunStatus.SUCCEEDED);
            ExportSchedule next = withNextRun(current, occurrence.plus(1, ChronoUnit.DAYS));
            assertEquals(FinishResult.FINISHED, finish(Optional.of(run), next, current.revision(), lease));
            current = next;
            done.add(run);
        }
        assertEquals(List.of(done.get(3), done.get(2)), store.runs(s.id(), java.util.Optional.empty(), 2));
        assertEquals(
                List.of(done.get(1), done.get(0)),
                store.runs(s.id(), Optional.of(done.get(2).occurrence()), 2),
                "the next page starts after the last run of the previous one");
        assertEquals(List.of(), store.runs(s.id(), Optional.of(done.get(0).occurrence()), 2));
        assertEquals(s.version(), store.find(s.id()).orElseThrow().version(), "runs do not raise the owner's version");
        assertEquals(s.revision() + 4, store.find(s.id()).orElseThrow().revision(), "but every write its revision");
        assertEquals(2, store.deleteRunsFinishedBefore(T0.plus(2, ChronoUnit.DAYS)));
        assertEquals(List.of(done.get(3), done.get(2)), store.runs(s.id(), java.util.Optional.empty(), 10));
    }

    @Test
    void aScheduleOfEveryKindReadsBackEqual() {
        for (Schedule kind : SampleSchedules.ofEveryKind()) {
            ExportSchedule s = schedule("alice", T0);
            ExportSchedule withKind = withSchedule(s, kind);
            store.insert(withKind);
            assertEquals(Optional.of(withKind), store.find(s.id()), kind.toString());
        }
    }

    @Test
    void timestampsKeepMillisecondsExactly() {
        ExportSchedule s = schedule("alice", Instant.parse("2024-03-01T09:59:59.123Z"));
        store.insert(s);
        assertEquals(
                s.state().nextRunAt(), store.find(s.id()).orElseThrow().state().nextRunAt());
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

    // ---- the service on this store: no claimed or due occurrence is lost ----------------------------

    /** Thrown by a document source to stand for a host that dies in the middle of a run. */
    private static final class HostDied extends Error {
        HostDied() {
            super("the host died", null, false, false);
        }
    }

    private ExportScheduleService service(
            String host,
            DocumentSource documents,
            ExportDestination destination,
            java.util.function.UnaryOperator<ExportScheduleService.Builder> options) {
        return options.apply(ExportScheduleService.builder()
                        .store(store)
                        .documentSource(documents)
                        .clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
                        .discoverFormats(false)
                        .format(new TextFormat())
                        .destination(destination)
                        .hostName(host))
                .build();
    }

    private static NewExportSchedule request(Schedule schedule, MisfirePolicy policy) {
        return NewExportSchedule.builder()
                .ownerId("alice")
                .documentId("doc")
                .name("Export")
                .schedule(schedule)
                .zone("UTC")
                .format("txt")
                .destination("counting", Map.of())
                .misfirePolicy(policy)
                .build();
    }

    /** Host a claims the occurrence at {@code due} and dies mid-run; host b ticks every minute after. */
    private ExportSchedule hostDiesMidRun(
            Schedule schedule, MisfirePolicy policy, Instant due, Instant until, Duration grace) {
        Documents documents = new Documents();
        documents.put("alice", "doc", "v1");
        CountingDestination destination = new CountingDestination();
        DocumentSource dying = (owner, id) -> {
            throw new HostDied();
        };
        ExportScheduleService a = service("host-a", dying, destination, b -> b);
        ExportScheduleService b = service("host-b", documents, destination, x -> x.misfireGrace(grace));
        ExportSchedule created = a.create(request(schedule, policy));
        assertThrows(HostDied.class, () -> a.tick(due));
        assertEquals(
                RunStatus.RUNNING,
                store.runs(created.id(), java.util.Optional.empty(), 10).get(0).status());
        for (Instant now = due.plusSeconds(60); !now.isAfter(until); now = now.plusSeconds(60)) {
            b.tick(now);
        }
        return created;
    }

    @Test
    void aRunWhoseHostDiedIsTakenOverNotTreatedAsMissed() {
        Instant due = Instant.parse("2024-03-01T11:00:00Z");
        ExportSchedule s = hostDiesMidRun(
                Schedule.cron("*/2 * * * *"),
                MisfirePolicy.RUN_ONCE,
                due,
                due.plus(Duration.ofMinutes(20)),
                Duration.ofMinutes(15));
        List<ExportRun> runs = store.runs(s.id(), java.util.Optional.empty(), 100);
        assertTrue(runs.stream().noneMatch(r -> r.status() == RunStatus.RUNNING), "no run left RUNNING: " + runs);
        ExportRun first = runs.stream()
                .filter(r -> r.occurrence().equals(due))
                .findFirst()
                .orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, first.status());
        assertEquals(2, first.attempt(), "taken over, with the next attempt");
        assertEquals("host-b", first.host());
        List<Instant> expected = new ArrayList<>();
        for (Instant at = due; !at.isAfter(due.plus(Duration.ofMinutes(20))); at = at.plusSeconds(120)) {
            expected.add(at);
        }
        assertEquals(
                expected,
                runs.stream().map(ExportRun::occurrence).sorted().toList(),
                "every occurrence ran: those while the lease was live are late, not missed");
    }

    @Test
    void aSkipScheduleWhoseHostDiedRunsTheClaimedOccurrenceWhateverTheGrace() {
        Instant due = Instant.parse("2024-03-02T02:00:00Z");
        ExportSchedule s = hostDiesMidRun(
                Schedule.daily(LocalTime.of(2, 0)),
                MisfirePolicy.SKIP,
                due,
                due.plus(Duration.ofMinutes(15)),
                Duration.ofMinutes(1));
        List<ExportRun> runs = store.runs(s.id(), java.util.Optional.empty(), 10);
        assertEquals(1, runs.size());
        assertEquals(
                RunStatus.SUCCEEDED, runs.get(0).status(), runs.get(0).message().orElse(""));
        assertEquals(2, runs.get(0).attempt());
    }

    /** Runs a {@code *}{@code /3} cron ticked every 7 minutes, with an outage, and returns every run. */
    private List<String> tickEverySevenMinutes(java.util.concurrent.Executor executor) {
        Documents documents = new Documents();
        CountingDestination destination = new CountingDestination();
        ExportScheduleService service = service("host-a", documents, destination, b -> b.renderExecutor(executor));
        List<ExportSchedule> created = new ArrayList<>();
        for (MisfirePolicy policy : MisfirePolicy.values()) {
            documents.put("alice", "doc", "v1");
            created.add(service.create(request(Schedule.cron("*/3 * * * *"), policy)));
            created.add(service.create(request(Schedule.cron("0 * * * *"), policy)));
        }
        Instant end = T0.plus(Duration.ofHours(30));
        Instant outageFrom = T0.plus(Duration.ofHours(12));
        Instant outageTo = T0.plus(Duration.ofHours(26));
        for (Instant now = T0.plusSeconds(7 * 60); now.isBefore(end); now = now.plusSeconds(7 * 60)) {
            if (now.isBefore(outageFrom) || now.isAfter(outageTo)) {
                service.tick(now);
            }
        }
        List<String> history = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            for (ExportRun run : store.runs(created.get(i).id(), java.util.Optional.empty(), 1000)) {
                history.add(i + " " + run.occurrence() + " " + run.status() + " " + run.attempt());
            }
        }
        java.util.Collections.sort(history);
        return history;
    }

    @Test
    void aTickRunsEverythingDueWithOrWithoutARenderExecutor() {
        List<String> inline = tickEverySevenMinutes(Runnable::run);
        store = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertEquals(inline, tickEverySevenMinutes(pool), "the same runs, inline and on three threads");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                29,
                inline.stream().filter(line -> line.startsWith("5 ")).count(),
                "RUN_ALL ran each hourly occurrence, the outage's included");
        List<Instant> everyThreeMinutes = inline.stream()
                .filter(line -> line.startsWith("0 "))
                .map(line -> Instant.parse(line.split(" ")[1]))
                .toList();
        int gaps = 0;
        for (int i = 1; i < everyThreeMinutes.size(); i++) {
            gaps += Duration.between(everyThreeMinutes.get(i - 1), everyThreeMinutes.get(i))
                                    .toMinutes()
                            == 3
                    ? 0
                    : 1;
        }
        assertEquals(1, gaps, "under the default grace, RUN_ONCE ran every occurrence but those of the outage");
    }
}
