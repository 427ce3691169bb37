-- A schedule's changing state gets a narrow table of its own (docs/benchmarks.md, "The database's
-- cost per run"). A run's end writes the schedule's next run, which the due index holds, so it can
-- never be a heap-only update: PostgreSQL wrote a new version of the whole wide row and an entry into
-- each of its four indexes, three of which (the key and the owner's two) never change. Now a run's end
-- writes a narrow row with two indexes (its key and the due index), and a claim a narrow row with none.
-- schedex_schedules keeps what the owner defines; schedex_schedule_states what runs and claims change,
-- with the revision that fences both. The columns, their checks and the rows are the same as before.
-- The columns are in the order of how often they change (a claim changes the last three only, a run's
-- end the last ten), so that PostgreSQL's WAL, which leaves out an updated row's unchanged beginning
-- and end, carries little more than what changed.
CREATE TABLE ${prefix}schedule_states (
    id                     CHAR(36)      NOT NULL PRIMARY KEY,
    active                 BOOLEAN       NOT NULL,
    paused_reason          VARCHAR(2000),
    version                BIGINT        NOT NULL CHECK (version >= 1),
    last_exported_version  VARCHAR(200),
    error_count            BIGINT        NOT NULL CHECK (error_count >= 0),
    consecutive_failures   INTEGER       NOT NULL CHECK (consecutive_failures >= 0),
    next_run_at            BIGINT,
    next_occurrence        BIGINT,
    last_run_at            BIGINT,
    last_status            VARCHAR(9)    CHECK (last_status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    run_count              BIGINT        NOT NULL CHECK (run_count >= 0),
    updated_at             BIGINT        NOT NULL,
    revision               BIGINT        NOT NULL,
    lease_owner            VARCHAR(200),
    lease_token            CHAR(36),
    lease_until            BIGINT,
    CONSTRAINT ${prefix}schedule_states_next CHECK ((next_run_at IS NULL AND next_occurrence IS NULL) OR (next_run_at IS NOT NULL AND next_occurrence IS NOT NULL AND active)),
    CONSTRAINT ${prefix}schedule_states_lease CHECK ((lease_owner IS NULL AND lease_token IS NULL AND lease_until IS NULL) OR (lease_owner IS NOT NULL AND lease_token IS NOT NULL AND lease_until IS NOT NULL)),
    CONSTRAINT ${prefix}schedule_states_revision CHECK (revision >= version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO ${prefix}schedule_states (id, active, paused_reason, version, last_exported_version, error_count, consecutive_failures, next_run_at, next_occurrence, last_run_at, last_status, run_count, updated_at, revision, lease_owner, lease_token, lease_until)
SELECT id, active, paused_reason, version, last_exported_version, error_count, consecutive_failures, next_run_at, next_occurrence, last_run_at, last_status, run_count, updated_at, revision, lease_owner, lease_token, lease_until
FROM ${prefix}schedules;
-- the due query: active schedules by next run (as before, on the narrow table)
DROP INDEX ${prefix}schedules_due ON ${prefix}schedules;
CREATE INDEX ${prefix}schedules_due ON ${prefix}schedule_states (active, next_run_at);
ALTER TABLE ${prefix}schedules DROP CONSTRAINT ${prefix}schedules_next;
ALTER TABLE ${prefix}schedules DROP CONSTRAINT ${prefix}schedules_lease;
ALTER TABLE ${prefix}schedules DROP CONSTRAINT ${prefix}schedules_revision;
ALTER TABLE ${prefix}schedules DROP COLUMN active;
ALTER TABLE ${prefix}schedules DROP COLUMN paused_reason;
ALTER TABLE ${prefix}schedules DROP COLUMN version;
ALTER TABLE ${prefix}schedules DROP COLUMN last_exported_version;
ALTER TABLE ${prefix}schedules DROP COLUMN error_count;
ALTER TABLE ${prefix}schedules DROP COLUMN consecutive_failures;
ALTER TABLE ${prefix}schedules DROP COLUMN next_run_at;
ALTER TABLE ${prefix}schedules DROP COLUMN next_occurrence;
ALTER TABLE ${prefix}schedules DROP COLUMN last_run_at;
ALTER TABLE ${prefix}schedules DROP COLUMN last_status;
ALTER TABLE ${prefix}schedules DROP COLUMN run_count;
ALTER TABLE ${prefix}schedules DROP COLUMN updated_at;
ALTER TABLE ${prefix}schedules DROP COLUMN revision;
ALTER TABLE ${prefix}schedules DROP COLUMN lease_owner;
ALTER TABLE ${prefix}schedules DROP COLUMN lease_token;
ALTER TABLE ${prefix}schedules DROP COLUMN lease_until;
