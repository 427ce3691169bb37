-- schedex schema, PostgreSQL. Instants are BIGINT milliseconds since 1970-01-01T00:00:00Z (UTC):
-- exact on every engine and free of session time zones. ${prefix} is the configured table prefix.
-- The CHECK constraints mirror the service's validation, so that a row the service would refuse
-- cannot be written by hand either.

CREATE TABLE ${prefix}schedules (
    id                     CHAR(36)      NOT NULL PRIMARY KEY,
    owner_id               VARCHAR(200)  NOT NULL CHECK (length(trim(owner_id)) > 0),
    document_id            VARCHAR(200)  NOT NULL CHECK (length(trim(document_id)) > 0),
    name                   VARCHAR(200)  NOT NULL CHECK (length(trim(name)) > 0),
    -- the schedule: a kind and the fields of that kind, in their canonical text
    kind                   VARCHAR(16)   NOT NULL,
    times                  VARCHAR(1000) CHECK (times ~ '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(,([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)*$'),
    days                   VARCHAR(27)   CHECK (days ~ '^(MON|TUE|WED|THU|FRI|SAT|SUN)(,(MON|TUE|WED|THU|FRI|SAT|SUN))*$'),
    day_of_month           SMALLINT      CHECK (day_of_month BETWEEN 1 AND 31),
    ordinal                SMALLINT      CHECK (ordinal IN (-1, 1, 2, 3, 4, 5)),
    day_of_week            CHAR(3)       CHECK (day_of_week IN ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')),
    time_of_day            VARCHAR(8)    CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$'),
    cron                   VARCHAR(200)  CHECK (length(trim(cron)) > 0),
    zone                   VARCHAR(64)   NOT NULL CHECK (length(zone) > 0),
    start_at               BIGINT,
    end_at                 BIGINT,
    format_id              VARCHAR(50)   NOT NULL CHECK (length(format_id) > 0),
    format_settings        TEXT          NOT NULL,
    destination_type       VARCHAR(50)   NOT NULL CHECK (length(destination_type) > 0),
    destination_parameters TEXT          NOT NULL,
    misfire_policy         VARCHAR(8)    NOT NULL CHECK (misfire_policy IN ('RUN_ONCE', 'SKIP', 'RUN_ALL')),
    only_when_changed      BOOLEAN       NOT NULL,
    -- state
    active                 BOOLEAN       NOT NULL,
    paused_reason          VARCHAR(2000),
    next_run_at            BIGINT,
    next_occurrence        BIGINT,
    last_run_at            BIGINT,
    last_status            VARCHAR(9)    CHECK (last_status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    last_exported_version  VARCHAR(200),
    run_count              BIGINT        NOT NULL CHECK (run_count >= 0),
    error_count            BIGINT        NOT NULL CHECK (error_count >= 0),
    consecutive_failures   INTEGER       NOT NULL CHECK (consecutive_failures >= 0),
    created_at             BIGINT        NOT NULL,
    updated_at             BIGINT        NOT NULL,
    version                BIGINT        NOT NULL CHECK (version >= 1),
    -- the lease of the host running it, if any
    lease_owner            VARCHAR(200),
    lease_token            CHAR(36),
    lease_until            BIGINT,
    CONSTRAINT ${prefix}schedules_kind CHECK (
           (kind = 'daily'            AND times IS NOT NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NULL)
        OR (kind = 'weekly'           AND times IS NULL AND days IS NOT NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
        OR (kind = 'monthly'          AND times IS NULL AND days IS NULL AND day_of_month IS NOT NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
        OR (kind = 'monthly-last-day' AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
        OR (kind = 'monthly-weekday'  AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NOT NULL AND day_of_week IS NOT NULL AND time_of_day IS NOT NULL AND cron IS NULL)
        OR (kind = 'cron'             AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NOT NULL)),
    CONSTRAINT ${prefix}schedules_bounds CHECK (start_at IS NULL OR end_at IS NULL OR end_at >= start_at),
    CONSTRAINT ${prefix}schedules_next CHECK ((next_run_at IS NULL AND next_occurrence IS NULL) OR (next_run_at IS NOT NULL AND next_occurrence IS NOT NULL AND active)),
    CONSTRAINT ${prefix}schedules_lease CHECK ((lease_owner IS NULL AND lease_token IS NULL AND lease_until IS NULL) OR (lease_owner IS NOT NULL AND lease_token IS NOT NULL AND lease_until IS NOT NULL))
);

-- the due query: active schedules by next run
CREATE INDEX ${prefix}schedules_due ON ${prefix}schedules (active, next_run_at);
-- listing an owner's schedules, in creation order, optionally for one document
CREATE INDEX ${prefix}schedules_owner ON ${prefix}schedules (owner_id, created_at, id);
CREATE INDEX ${prefix}schedules_owner_document ON ${prefix}schedules (owner_id, document_id);
-- releasing expired leases
CREATE INDEX ${prefix}schedules_lease ON ${prefix}schedules (lease_until);

CREATE TABLE ${prefix}runs (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    schedule_id      CHAR(36)      NOT NULL REFERENCES ${prefix}schedules (id) ON DELETE CASCADE,
    occurrence       BIGINT        NOT NULL,
    status           VARCHAR(9)    NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    attempt          INTEGER       NOT NULL CHECK (attempt >= 1),
    host             VARCHAR(200)  NOT NULL,
    started_at       BIGINT        NOT NULL,
    finished_at      BIGINT,
    format_id        VARCHAR(50)   NOT NULL,
    document_version VARCHAR(200),
    size             BIGINT        CHECK (size >= 0),
    checksum         CHAR(64),
    location         VARCHAR(2000),
    message          TEXT,
    render_millis    BIGINT        CHECK (render_millis >= 0),
    delivery_millis  BIGINT        CHECK (delivery_millis >= 0),
    -- one run per schedule and occurrence: an occurrence never runs twice
    CONSTRAINT ${prefix}runs_occurrence UNIQUE (schedule_id, occurrence),
    CONSTRAINT ${prefix}runs_finished CHECK ((status = 'RUNNING' AND finished_at IS NULL) OR (status <> 'RUNNING' AND finished_at IS NOT NULL))
);

-- run history retention
CREATE INDEX ${prefix}runs_finished_at ON ${prefix}runs (finished_at);
