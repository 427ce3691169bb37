package dev.schedex;

import dev.schedex.schedule.Schedule;
import dev.schedex.schedule.ScheduleInput;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request to create an export schedule. Build one with {@link #builder()}; nothing is checked
 * until {@link ExportScheduleService#create(NewExportSchedule)}, which reports every problem at once.
 *
 * <pre>{@code
 * NewExportSchedule request = NewExportSchedule.builder()
 *         .ownerId("alice").documentId("doc-42").name("Nightly PNG")
 *         .schedule(Schedule.daily(LocalTime.of(2, 0))).zone("Europe/Berlin")
 *         .format("png", Map.of("scale", 2))
 *         .destination("filesystem", Map.of("path", "{document}/{date}.{ext}"))
 *         .build();
 * }</pre>
 *
 * @param ownerId         who owns the schedule
 * @param documentId      the document to export
 * @param name            a name for people
 * @param schedule        when it runs
 * @param zone            the IANA zone id its wall times are in, such as {@code Europe/Berlin}
 * @param startAt         no run before this instant
 * @param endAt           no run after this instant
 * @param formatId        the export format's id
 * @param formatSettings  the format's settings, JSON-compatible values; a null value (a JSON
 *                        {@code null}) is refused by validation with a violation naming its key
 * @param destinationName       where the exports go: the name of a destination the host registered
 * @param destinationParameters the destination's parameters; a null value is refused as for the settings
 * @param misfirePolicy   what to do with missed occurrences; empty for the service's default
 * @param onlyWhenChanged export only when the document changed since the last successful export
 * @param active          false to create it paused
 */
public record NewExportSchedule(
        String ownerId,
        String documentId,
        String name,
        ScheduleInput schedule,
        String zone,
        Optional<Instant> startAt,
        Optional<Instant> endAt,
        String formatId,
        Map<String, Object> formatSettings,
        String destinationName,
        Map<String, String> destinationParameters,
        Optional<MisfirePolicy> misfirePolicy,
        boolean onlyWhenChanged,
        boolean active) {

    /** Checks that no component is null and copies the settings. */
    public NewExportSchedule {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(endAt, "endAt");
        Objects.requireNonNull(formatId, "formatId");
        formatSettings = RequestMaps.copy(formatSettings);
        Objects.requireNonNull(destinationName, "destinationName");
        destinationParameters = RequestMaps.copy(destinationParameters);
        Objects.requireNonNull(misfirePolicy, "misfirePolicy");
    }

    /** @return a builder with nothing set but {@code active} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a request; unset text fields are blank and are reported as required by the service. */
    public static final class Builder {
        private String ownerId = "";
        private String documentId = "";
        private String name = "";
        private ScheduleInput schedule = ScheduleInput.of("", Map.of());
        private String zone = "";
        private @Nullable Instant startAt;
        private @Nullable Instant endAt;
        private String formatId = "";
        private Map<String, Object> formatSettings = Map.of();
        private String destinationName = "";
        private Map<String, String> destinationParameters = Map.of();
        private @Nullable MisfirePolicy misfirePolicy;
        private boolean onlyWhenChanged;
        private boolean active = true;

        private Builder() {}

        /** @param ownerId who owns the schedule @return this builder */
        public Builder ownerId(String ownerId) {
            this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
            return this;
        }

        /** @param documentId the document to export @return this builder */
        public Builder documentId(String documentId) {
            this.documentId = Objects.requireNonNull(documentId, "documentId");
            return this;
        }

        /** @param name a name for people @return this builder */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param schedule when it runs, as built in code @return this builder */
        public Builder schedule(Schedule schedule) {
            this.schedule = ScheduleInput.of(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /** @param schedule when it runs, as a request carries it @return this builder */
        public Builder schedule(ScheduleInput schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** @param zone an IANA zone id @return this builder */
        public Builder zone(String zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** @param startAt no run before this instant @return this builder */
        public Builder startAt(Instant startAt) {
            this.startAt = Objects.requireNonNull(startAt, "startAt");
            return this;
        }

        /** @param endAt no run after this instant @return this builder */
        public Builder endAt(Instant endAt) {
            this.endAt = Objects.requireNonNull(endAt, "endAt");
            return this;
        }

        /** @param formatId the export format's id @return this builder */
        public Builder format(String formatId) {
            return format(formatId, Map.of());
        }

        /**
         * @param formatId the export format's id
         * @param settings its settings
         * @return this builder
         */
        public Builder format(String formatId, Map<String, ?> settings) {
            this.formatId = Objects.requireNonNull(formatId, "formatId");
            this.formatSettings = RequestMaps.copy(settings);
            return this;
        }

        /**
         * @param name       the name of a destination the host registered
         * @param parameters the owner's parameters for it
         * @return this builder
         */
        public Builder destination(String name, Map<String, String> parameters) {
            this.destinationName = Objects.requireNonNull(name, "name");
            this.destinationParameters = RequestMaps.copy(parameters);
            return this;
        }

        /** @param policy what to do with missed occurrences @return this builder */
        public Builder misfirePolicy(MisfirePolicy policy) {
            this.misfirePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @param onlyWhenChanged export only when the document changed @return this builder */
        public Builder onlyWhenChanged(boolean onlyWhenChanged) {
            this.onlyWhenChanged = onlyWhenChanged;
            return this;
        }

        /** @param active false to create the schedule paused @return this builder */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /** @return the request */
        public NewExportSchedule build() {
            return new NewExportSchedule(
                    ownerId,
                    documentId,
                    name,
                    schedule,
                    zone,
                    Optional.ofNullable(startAt),
                    Optional.ofNullable(endAt),
                    formatId,
                    formatSettings,
                    destinationName,
                    destinationParameters,
                    Optional.ofNullable(misfirePolicy),
                    onlyWhenChanged,
                    active);
        }
    }
}
