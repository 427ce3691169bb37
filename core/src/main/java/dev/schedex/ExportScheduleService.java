package dev.schedex;

import dev.schedex.calendar.BusinessCalendar;
import dev.schedex.internal.Listeners;
import dev.schedex.internal.RequestValidator;
import dev.schedex.internal.RunExport;
import dev.schedex.internal.ServiceSettings;
import dev.schedex.internal.StoreCalls;
import dev.schedex.internal.Tick;
import dev.schedex.internal.ValidRequest;
import dev.schedex.schedule.NextRunCalculator;
import dev.schedex.schedule.ScheduleInput;
import dev.schedex.schedule.UnknownCalendarException;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportFormat;
import dev.schedex.spi.store.Claim;
import dev.schedex.spi.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: owner-scoped management of export schedules, and the tick that runs them.
 *
 * <pre>{@code
 * ExportScheduleService service = ExportScheduleService.builder()
 *         .store(new InMemoryScheduleStore())
 *         .documentSource((owner, id) -> documents.find(owner, id))
 *         .destination(new FileSystemDestination(Path.of("exports")))
 *         .build();
 *
 * ExportSchedule nightly = service.create(NewExportSchedule.builder()
 *         .ownerId("alice").documentId("doc-42").name("Nightly PNG")
 *         .schedule(Schedule.daily(LocalTime.of(2, 0))).zone("Europe/Berlin")
 *         .format("png").destination("filesystem", Map.of())
 *         .build());
 *
 * // from the host's own timer, every minute or so:
 * TickReport report = service.tick();
 * }</pre>
 *
 * <p>Every method that names a schedule takes its owner: another owner's schedule behaves exactly
 * like one that does not exist. Invalid input raises a {@link ValidationException} listing every
 * problem, and nothing is stored. All methods are thread-safe; any number of threads, and of hosts
 * sharing one store, may call {@link #tick(Instant)} at once, and each occurrence still runs once.
 * See {@code docs/service.md} for the tick's life cycle, misfires and retries.
 */
public final class ExportScheduleService {

    private final ScheduleStore store;
    private final Clock clock;
    private final ServiceSettings settings;
    private final RequestValidator validator;
    private final Listeners listeners;
    private final Tick tick;
    private final Map<String, ExportFormat> formats;
    private final NextRunCalculator calculator;

    private ExportScheduleService(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = b.clock;
        this.settings = new ServiceSettings(
                b.leaseLength,
                b.batchSize,
                b.retryPolicy,
                b.pauseAfterFailures,
                b.misfirePolicy,
                b.misfireGrace,
                b.maxCatchUp,
                b.hostName);
        this.formats = Collections.unmodifiableMap(b.formats());
        Map<String, ExportDestination> destinations = Collections.unmodifiableMap(new LinkedHashMap<>(b.destinations));
        Map<String, BusinessCalendar> calendars = Map.copyOf(b.calendars);
        this.calculator = NextRunCalculator.create(calendars);
        this.validator = new RequestValidator(formats, destinations, calendars.keySet(), calculator);
        this.listeners = new Listeners(b.listeners);
        this.tick = new Tick(
                store,
                settings,
                listeners,
                b.executor,
                Optional.ofNullable(b.runRetention),
                new RunExport(Objects.requireNonNull(b.documents, "documents"), formats, destinations),
                calculator);
    }

    /** @return a builder; the store and the document source are required, everything else has a default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the formats this service knows, by id */
    public Map<String, ExportFormat> formats() {
        return formats;
    }

    /**
     * Creates a schedule. Its first run is the first occurrence after now (and after its start).
     *
     * @param request the request
     * @return the stored schedule
     * @throws ValidationException listing every problem, a schedule that would never run among them
     *                             (code {@code no_occurrence}, field {@code schedule}) and a business
     *                             calendar this service does not have ({@code schedule.calendar}/{@code
     *                             unknown_calendar})
     * @throws StoreException      if the store fails
     */
    public ExportSchedule create(NewExportSchedule request) {
        Objects.requireNonNull(request, "request");
        Instant now = now();
        ValidRequest definition = validator.validate(request, settings.misfirePolicy(), now, true);
        ExportSchedule schedule = definition.toSchedule(
                UUID.randomUUID(), ScheduleState.initial(request.active(), definition.firstRun()), now, now, 1, 1);
        StoreCalls.during("insert the schedule", () -> {
            store.insert(schedule);
            return schedule;
        });
        return schedule;
    }

    /**
     * @param ownerId the owner
     * @param id      the schedule's id
     * @return the schedule
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     */
    public ExportSchedule get(String ownerId, UUID id) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(id, "id");
        return StoreCalls.during("read the schedule", () -> store.find(id))
                .filter(schedule -> schedule.ownerId().equals(ownerId))
                .orElseThrow(() -> new ScheduleNotFoundException(ownerId, id));
    }

    /**
     * @param query the owner, filters and page
     * @return one page of the owner's schedules, oldest first
     */
    public Page<ExportSchedule> list(ScheduleQuery query) {
        Objects.requireNonNull(query, "query");
        return StoreCalls.during("list schedules", () -> store.query(query));
    }

    /**
     * Changes a schedule. Only what the change sets is changed; if the timing changes, the next run is
     * computed again from now, and a timing with no future occurrence is refused, paused or not.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @param change  what to change
     * @return the changed schedule
     * @throws ValidationException       listing every problem
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     * @throws StaleVersionException     if the change names a version its owner has changed since
     */
    public ExportSchedule update(String ownerId, UUID id, ScheduleUpdate change) {
        Objects.requireNonNull(change, "change");
        return modify(ownerId, id, change.expectedVersion(), current -> {
            Instant now = now();
            ValidRequest definition =
                    validator.validate(merge(current, change), current.misfirePolicy(), now, change.changesTiming());
            ScheduleState state = current.state();
            if (change.changesTiming() && state.active()) {
                state = state.withNextRun(definition.firstRun());
            }
            return definition.toSchedule(
                    current.id(), state, current.createdAt(), now, current.version() + 1, current.revision() + 1);
        });
    }

    /** The schedule as the change would leave it, as a request: a new format without settings keeps the old ones. */
    private static NewExportSchedule merge(ExportSchedule current, ScheduleUpdate change) {
        return new NewExportSchedule(
                current.ownerId(),
                current.documentId(),
                change.name().orElse(current.name()),
                change.schedule().orElseGet(() -> ScheduleInput.of(current.schedule())),
                change.zone().orElse(current.zone().getId()),
                change.startAt().orElse(current.bounds().startAt()),
                change.endAt().orElse(current.bounds().endAt()),
                change.formatId().orElse(current.formatId()),
                change.formatSettings().orElse(current.formatSettings().asMap()),
                change.destinationName().orElse(current.destination().name()),
                change.destinationParameters()
                        .orElse(
                                change.destinationName().isPresent()
                                        ? Map.of()
                                        : current.destination().parameters()),
                Optional.of(change.misfirePolicy().orElse(current.misfirePolicy())),
                change.onlyWhenChanged().orElse(current.onlyWhenChanged()),
                current.active());
    }

    /**
     * Pauses a schedule: it has no next run until resumed. A run in progress finishes.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @return the paused schedule
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     */
    public ExportSchedule pause(String ownerId, UUID id) {
        return modify(
                ownerId,
                id,
                Optional.empty(),
                current -> current.state().active()
                        ? current.withOwnerState(current.state().paused(Optional.empty()), now())
                        : current);
    }

    /**
     * Resumes a paused schedule: its next run is the first occurrence after now. Missed occurrences
     * while it was paused are not run, and its failure streak is forgotten.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @return the resumed schedule
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     * @throws ValidationException       {@code schedule}/{@code no_occurrence} if it has no future run,
     *                                   {@code schedule.calendar}/{@code unknown_calendar} if it names a
     *                                   business calendar this service does not have
     */
    public ExportSchedule resume(String ownerId, UUID id) {
        return modify(ownerId, id, Optional.empty(), current -> {
            if (current.state().active()) {
                return current;
            }
            Instant now = now();
            Optional<Instant> next;
            try {
                next = calculator.next(current.schedule(), current.zone(), current.bounds(), now);
            } catch (UnknownCalendarException missing) {
                throw RequestValidator.unknownCalendar(missing);
            }
            if (next.isEmpty()) {
                throw ValidationException.of(
                        "schedule", "no_occurrence", "the schedule has no occurrence after " + now);
            }
            return current.withOwnerState(current.state().resumed(next), now);
        });
    }

    /**
     * Applies an owner's change with optimistic concurrency: re-reads and re-applies when another write
     * (a run finishing, another edit) came first; only another edit by the owner makes the change stale.
     */
    private ExportSchedule modify(
            String ownerId,
            UUID id,
            Optional<Long> expectedVersion,
            java.util.function.UnaryOperator<ExportSchedule> change) {
        while (true) {
            ExportSchedule current = get(ownerId, id);
            if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                throw new StaleVersionException(current.version(), expectedVersion.get());
            }
            ExportSchedule changed = change.apply(current);
            if (changed == current
                    || StoreCalls.during("update the schedule", () -> store.update(changed, current.revision()))) {
                return changed;
            }
        }
    }

    /**
     * Deletes a schedule and its run history. A run in progress finishes, but is not recorded.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     */
    public void delete(String ownerId, UUID id) {
        ExportSchedule schedule = get(ownerId, id);
        if (!StoreCalls.during("delete the schedule", () -> store.delete(schedule.id()))) {
            throw new ScheduleNotFoundException(ownerId, id);
        }
    }

    /**
     * The newest runs of a schedule; {@link #runsBefore} pages through the older ones.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @param limit   how many runs at most, 1 to 1000
     * @return the runs, latest occurrence first
     * @throws ValidationException       {@code limit}/{@code out_of_range}
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     */
    public List<ExportRun> runs(String ownerId, UUID id, int limit) {
        return runs(ownerId, id, Optional.empty(), limit);
    }

    /**
     * The next page of a schedule's run history: the runs of occurrences before {@code occurrence},
     * latest first. Pass the last run's occurrence of the previous page; since a schedule has one run
     * per occurrence, the pages neither skip nor repeat a run, whatever is recorded meanwhile.
     *
     * @param ownerId    the owner
     * @param id         the schedule's id
     * @param occurrence the occurrence of the last run of the previous page
     * @param limit      how many runs at most, 1 to 1000
     * @return the runs, latest occurrence first; fewer than {@code limit} on the last page
     * @throws ValidationException       {@code limit}/{@code out_of_range}
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     */
    public List<ExportRun> runsBefore(String ownerId, UUID id, Instant occurrence, int limit) {
        return runs(ownerId, id, Optional.of(Objects.requireNonNull(occurrence, "occurrence")), limit);
    }

    private List<ExportRun> runs(String ownerId, UUID id, Optional<Instant> before, int limit) {
        if (limit < 1 || limit > ScheduleQuery.MAX_LIMIT) {
            throw ValidationException.of("limit", "out_of_range", "limit must be 1 to " + ScheduleQuery.MAX_LIMIT);
        }
        UUID scheduleId = get(ownerId, id).id();
        return StoreCalls.during("read the run history", () -> store.runs(scheduleId, before, limit));
    }

    /**
     * Runs a schedule now, on the calling thread, whether it is due or paused. The run is recorded for
     * the current second as its occurrence; the schedule's next regular run does not change.
     *
     * @param ownerId the owner
     * @param id      the schedule's id
     * @return the finished run
     * @throws ScheduleNotFoundException if there is no such schedule for this owner
     * @throws RunInProgressException    if a run of it is in progress
     * @throws StoreException            if the store fails
     * @throws IllegalStateException     after {@link #stopClaiming()}
     */
    public ExportRun runNow(String ownerId, UUID id) {
        get(ownerId, id);
        if (!tick.claiming()) {
            throw new IllegalStateException("this host is shutting down and claims no more runs");
        }
        Instant now = now();
        Claim claim = StoreCalls.during(
                        "claim the schedule",
                        () -> store.claim(id, now, settings.hostName(), now.plus(settings.leaseLength())))
                .orElseThrow(() -> new RunInProgressException(id));
        return tick.runNow(claim, now).orElseThrow(() -> new RunInProgressException(id));
    }

    /**
     * Runs a tick with the service's clock.
     *
     * @return what the tick did
     * @see #tick(Instant)
     */
    public TickReport tick() {
        return tick(now());
    }

    /**
     * Runs everything due at {@code now}: claims due schedules in batches (taking over those whose
     * leases expired) and runs them (on the render executor, if one was given) until none is due and
     * none is in flight, claiming each batch while the previous one still runs; returns when every
     * claimed run is recorded. With or without an executor, a tick runs the same occurrences.
     *
     * @param now the time to run the tick for; kept to the millisecond
     * @return what the tick did
     * @throws StoreException if the store fails; it says which step (claim, start, finish) failed.
     *                        Runs whose results were not recorded are taken over once their leases expire
     */
    public TickReport tick(Instant now) {
        return tick.run(Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MILLIS));
    }

    /** The current time, to the millisecond: the precision every store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The first step of a host's shutdown: from now on this service claims nothing. A tick in
     * progress claims no further batch, finishes the runs it claimed and returns; later ticks return
     * at once with nothing done; {@link #runNow} is refused. It cannot be undone: a host that
     * stopped claiming builds a new service to start again.
     *
     * <p>A graceful shutdown: stop the timer, call this, wait for the tick in progress (up to a
     * timeout), then {@link #releaseLeases()} so that another host takes the schedules over at once.
     */
    public void stopClaiming() {
        tick.stopClaiming();
    }

    /**
     * The last step of a host's shutdown: releases every lease this host holds (by its {@link
     * Builder#hostName(String) host name}), so that another host claims the schedules at its next tick
     * instead of when the leases expire. Call it after the tick in progress returned: a run still in
     * flight loses its lease, its result is not recorded, and another host runs its occurrence again
     * (delivery is idempotent, see docs/destinations.md).
     *
     * @return how many leases were released
     * @throws StoreException if the store fails
     */
    public int releaseLeases() {
        return StoreCalls.during("release this host's leases", () -> store.releaseLeases(settings.hostName()));
    }

    /**
     * @return the calculator this service times schedules with, which knows the host's business
     *     calendars: for previews of a schedule not yet saved ("next: Mon 7 Dec 02:00, ...")
     */
    public NextRunCalculator calculator() {
        return calculator;
    }

    /** @return the counters since the service was built */
    public ServiceCounters counters() {
        return listeners.counters();
    }

    /** Collects the service's parts and policies. */
    public static final class Builder {
        private @Nullable ScheduleStore store;
        private @Nullable DocumentSource documents;
        private boolean discoverFormats = true;
        private final List<ExportFormat> extraFormats = new ArrayList<>();
        private final Map<String, ExportDestination> destinations = new LinkedHashMap<>();
        private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration leaseLength = Duration.ofMinutes(5);
        private int batchSize = 100;
        private RetryPolicy retryPolicy = RetryPolicy.exponential(3, Duration.ofMinutes(1));
        private int pauseAfterFailures = 10;
        private MisfirePolicy misfirePolicy = MisfirePolicy.RUN_ONCE;
        private Duration misfireGrace = Duration.ofMinutes(15);
        private int maxCatchUp = 100;
        private Executor executor = Runnable::run;
        private final List<ExportListener> listeners = new ArrayList<>();
        private String hostName = "schedex-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        private @Nullable Duration runRetention;

        private Builder() {}

        /** @param store where schedules and runs are kept (required) @return this builder */
        public Builder store(ScheduleStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** @param source loads the documents to export (required) @return this builder */
        public Builder documentSource(DocumentSource source) {
            this.documents = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Adds a format to those found with {@link ServiceLoader}; it replaces a found one with the
         * same id (so that a host can configure a built-in format: {@code new PngFormat(limits)}).
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(ExportFormat format) {
            extraFormats.add(Objects.requireNonNull(format, "format"));
            return this;
        }

        /**
         * @param discover false to use only the formats added with {@link #format(ExportFormat)}, not
         *                 those on the class path (default true)
         * @return this builder
         */
        public Builder discoverFormats(boolean discover) {
            this.discoverFormats = discover;
            return this;
        }

        /**
         * Registers a destination under its {@link ExportDestination#name() name}, which schedules
         * give as {@link DestinationSpec#name()}. A host may register several destinations of one
         * kind under different names (two buckets, say).
         *
         * @param destination a destination schedules may name
         * @return this builder
         * @throws IllegalArgumentException if its name is not 1 to 50 letters, digits, {@code .},
         *     {@code -} or {@code _}, starting with a letter or digit
         * @throws IllegalStateException    if a destination with that name is registered already
         */
        public Builder destination(ExportDestination destination) {
            Objects.requireNonNull(destination, "destination");
            String name = destination.name();
            RegisteredNames.check("destination", name);
            if (destinations.putIfAbsent(name, destination) != null) {
                throw new IllegalStateException("two destinations named '" + name + "'");
            }
            return this;
        }

        /**
         * Registers a business calendar under a name, which schedules on business days give
         * ({@link dev.schedex.schedule.Schedule#calendarName()}). A schedule naming a calendar that is
         * not registered is refused at create ({@code schedule.calendar}/{@code unknown_calendar}); one
         * stored earlier whose calendar a host no longer registers fails its due run and is paused,
         * saying why, while the others keep running.
         *
         * @param name     1 to 50 letters, digits, {@code .}, {@code -} or {@code _}, starting with a
         *                 letter or digit, such as {@code de-holidays}
         * @param calendar the calendar
         * @return this builder
         * @throws IllegalArgumentException if the name is not such a name
         * @throws IllegalStateException    if a calendar with that name is registered already
         */
        public Builder calendar(String name, BusinessCalendar calendar) {
            RegisteredNames.check("calendar", name);
            Objects.requireNonNull(calendar, "calendar");
            if (calendars.putIfAbsent(name, calendar) != null) {
                throw new IllegalStateException("two calendars named '" + name + "'");
            }
            return this;
        }

        /** @param clock the clock for timestamps and {@link #tick()} (default UTC system clock) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param length how long a claim holds a schedule; longer than the slowest export (default 5 minutes)
         * @return this builder
         */
        public Builder leaseLength(Duration length) {
            if (length.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("the lease must be at least a second, was " + length);
            }
            this.leaseLength = length;
            return this;
        }

        /** @param size how many schedules a tick claims at once (default 100) @return this builder */
        public Builder batchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("batch size must be 1 to 10000, was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** @param policy how failed runs are retried (default 3 attempts, 1 minute doubling) @return this builder */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param failures pause a schedule after this many failed runs in a row, retries included;
         *                 0 never pauses (default 10)
         * @return this builder
         */
        public Builder pauseAfterConsecutiveFailures(int failures) {
            if (failures < 0) {
                throw new IllegalArgumentException("failures must not be negative, was " + failures);
            }
            this.pauseAfterFailures = failures;
            return this;
        }

        /** @param policy the misfire policy of schedules that name none (default RUN_ONCE) @return this builder */
        public Builder misfirePolicy(MisfirePolicy policy) {
            this.misfirePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How late a tick may come before an occurrence counts as missed and goes to the misfire policy.
         * Make it longer than the host's tick interval plus its longest tick; a claim that takes over
         * a host that stopped never depends on it (see {@code docs/service.md}).
         *
         * @param grace at least a minute (default 15 minutes)
         * @return this builder
         */
        public Builder misfireGrace(Duration grace) {
            if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("the misfire grace must be at least a minute, was " + grace
                        + ": a shorter one counts an occurrence as missed whenever a timer fires a moment late");
            }
            this.misfireGrace = grace;
            return this;
        }

        /** @param count the most missed occurrences RUN_ALL runs (the latest ones; default 100) @return this builder */
        public Builder maxCatchUp(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxCatchUp must be at least 1, was " + count);
            }
            this.maxCatchUp = count;
            return this;
        }

        /**
         * @param executor runs the exports of a tick's batches and records them as they finish, while the
         *                 ticking thread claims the next batch (at most two batches in flight); the tick
         *                 returns once all are recorded (default: the ticking thread does everything)
         * @return this builder
         */
        public Builder renderExecutor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @param listener hears about runs @return this builder */
        public Builder listener(ExportListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @param name this host's name in leases and run records (default from the process id) @return this builder */
        public Builder hostName(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("the host name must not be blank");
            }
            this.hostName = name;
            return this;
        }

        /** @param retention delete finished runs older than this (default: keep all) @return this builder */
        public Builder runRetention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            this.runRetention = retention;
            return this;
        }

        private Map<String, ExportFormat> formats() {
            Map<String, ExportFormat> found = new LinkedHashMap<>();
            if (discoverFormats) {
                ServiceLoader.load(ExportFormat.class).forEach(format -> addOnce(found, format));
            }
            Map<String, ExportFormat> added = new LinkedHashMap<>();
            extraFormats.forEach(format -> addOnce(added, format));
            found.putAll(added);
            return found;
        }

        private static void addOnce(Map<String, ExportFormat> byId, ExportFormat format) {
            ExportFormat clash = byId.putIfAbsent(format.id(), format);
            if (clash != null) {
                throw new IllegalStateException("two export formats with id '" + format.id() + "': "
                        + clash.getClass().getName() + " and "
                        + format.getClass().getName());
            }
        }

        /**
         * @return the service
         * @throws IllegalStateException if the store or the document source is missing, or two formats
         *                               found on the class path, or two added, share an id
         */
        public ExportScheduleService build() {
            if (store == null || documents == null) {
                throw new IllegalStateException("an ExportScheduleService needs a store and a document source");
            }
            return new ExportScheduleService(this);
        }
    }
}
