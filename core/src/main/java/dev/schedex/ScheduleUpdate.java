package dev.schedex;

import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A partial change to an export schedule: only what is set changes. When the timing changes (the
 * schedule, the zone or the bounds), the next run is computed again.
 *
 * <pre>{@code
 * service.update("alice", id, ScheduleUpdate.builder()
 *         .schedule(Schedule.weekly(EnumSet.of(MONDAY), LocalTime.of(6, 0)))
 *         .expectedVersion(schedule.version())
 *         .build());
 * }</pre>
 */
public final class ScheduleUpdate {

    private final Optional<String> name;
    private final Optional<ScheduleInput> schedule;
    private final Optional<String> zone;
    private final Optional<Optional<Instant>> startAt;
    private final Optional<Optional<Instant>> endAt;
    private final Optional<String> formatId;
    private final Optional<Map<String, Object>> formatSettings;
    private final Optional<String> destinationName;
    private final Optional<Map<String, String>> destinationParameters;
    private final Optional<MisfirePolicy> misfirePolicy;
    private final Optional<Boolean> onlyWhenChanged;
    private final Optional<Long> expectedVersion;

    private ScheduleUpdate(Builder b) {
        this.name = Optional.ofNullable(b.name);
        this.schedule = Optional.ofNullable(b.schedule);
        this.zone = Optional.ofNullable(b.zone);
        this.startAt = Optional.ofNullable(b.startAt);
        this.endAt = Optional.ofNullable(b.endAt);
        this.formatId = Optional.ofNullable(b.formatId);
        this.formatSettings = Optional.ofNullable(b.formatSettings);
        this.destinationName = Optional.ofNullable(b.destinationName);
        this.destinationParameters = Optional.ofNullable(b.destinationParameters);
        this.misfirePolicy = Optional.ofNullable(b.misfirePolicy);
        this.onlyWhenChanged = Optional.ofNullable(b.onlyWhenChanged);
        this.expectedVersion = Optional.ofNullable(b.expectedVersion);
    }

    /** @return a builder that changes nothing yet */
    public static Builder builder() {
        return new Builder();
    }

    Optional<String> name() {
        return name;
    }

    Optional<ScheduleInput> schedule() {
        return schedule;
    }

    Optional<String> zone() {
        return zone;
    }

    Optional<Optional<Instant>> startAt() {
        return startAt;
    }

    Optional<Optional<Instant>> endAt() {
        return endAt;
    }

    Optional<String> formatId() {
        return formatId;
    }

    Optional<Map<String, Object>> formatSettings() {
        return formatSettings;
    }

    Optional<String> destinationName() {
        return destinationName;
    }

    Optional<Map<String, String>> destinationParameters() {
        return destinationParameters;
    }

    Optional<MisfirePolicy> misfirePolicy() {
        return misfirePolicy;
    }

    Optional<Boolean> onlyWhenChanged() {
        return onlyWhenChanged;
    }

    Optional<Long> expectedVersion() {
        return expectedVersion;
    }

    /** @return true if the change touches when the schedule runs */
    boolean changesTiming() {
        return schedule.isPresent() || zone.isPresent() || startAt.isPresent() || endAt.isPresent();
    }

    /** Collects a change. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable ScheduleInput schedule;
        private @Nullable String zone;
        private @Nullable Optional<Instant> startAt;
        private @Nullable Optional<Instant> endAt;
        private @Nullable String formatId;
        private @Nullable Map<String, Object> formatSettings;
        private @Nullable String destinationName;
        private @Nullable Map<String, String> destinationParameters;
        private @Nullable MisfirePolicy misfirePolicy;
        private @Nullable Boolean onlyWhenChanged;
        private @Nullable Long expectedVersion;

        private Builder() {}

        /** @param name the new name @return this builder */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param schedule the new timing, built in code @return this builder */
        public Builder schedule(Schedule schedule) {
            this.schedule = ScheduleInput.of(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /** @param schedule the new timing, as a request carries it @return this builder */
        public Builder schedule(ScheduleInput schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** @param zone the new IANA zone id @return this builder */
        public Builder zone(String zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** @param startAt the new start, or empty to remove it @return this builder */
        public Builder startAt(Optional<Instant> startAt) {
            this.startAt = Objects.requireNonNull(startAt, "startAt");
            return this;
        }

        /** @param endAt the new end, or empty to remove it @return this builder */
        public Builder endAt(Optional<Instant> endAt) {
            this.endAt = Objects.requireNonNull(endAt, "endAt");
            return this;
        }

        /**
         * A new format; the current settings are kept if they are valid for it (see {@link #formatSettings}).
         *
         * @param formatId the new format
         * @return this builder
         */
        public Builder format(String formatId) {
            this.formatId = Objects.requireNonNull(formatId, "formatId");
            return this;
        }

        /**
         * @param formatId the new format
         * @param settings its settings
         * @return this builder
         */
        public Builder format(String formatId, Map<String, ?> settings) {
            this.formatId = Objects.requireNonNull(formatId, "formatId");
            this.formatSettings = RequestMaps.copy(settings);
            return this;
        }

        /**
         * Without new settings, a new format (see {@link #format}) keeps the current settings if they are
         * valid for it, and the update is refused with the violations if not.
         *
         * @param settings new settings for the current format, or for the new one
         * @return this builder
         */
        public Builder formatSettings(Map<String, ?> settings) {
            this.formatSettings = RequestMaps.copy(settings);
            return this;
        }

        /**
         * @param name       the name of the new destination, as the host registered it
         * @param parameters the owner's parameters for it
         * @return this builder
         */
        public Builder destination(String name, Map<String, String> parameters) {
            this.destinationName = Objects.requireNonNull(name, "name");
            this.destinationParameters = RequestMaps.copy(parameters);
            return this;
        }

        /** @param policy the new misfire policy @return this builder */
        public Builder misfirePolicy(MisfirePolicy policy) {
            this.misfirePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @param onlyWhenChanged whether to export only changed documents @return this builder */
        public Builder onlyWhenChanged(boolean onlyWhenChanged) {
            this.onlyWhenChanged = onlyWhenChanged;
            return this;
        }

        /**
         * Makes the update fail with a {@link StaleVersionException} if the owner changed the schedule since
         * this version (runs do not change it).
         *
         * @param version the version the caller last saw
         * @return this builder
         */
        public Builder expectedVersion(long version) {
            this.expectedVersion = version;
            return this;
        }

        /** @return the change */
        public ScheduleUpdate build() {
            return new ScheduleUpdate(this);
        }
    }
}
