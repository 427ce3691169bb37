-- A run costs the database fewer writes (docs/benchmarks.md, "The database's cost per run"). The runs
-- table is rebuilt, with the same columns and rows:
-- - its key is (schedule_id, occurrence), the key every statement finds a run by: the separate index on
--   the run's id, which no statement used, cost every run one more index entry;
-- - no foreign key to the schedules: checking it locked the schedule's row once more for every run
--   started (a row lock is written to the WAL). A schedule's runs are deleted with it by the store
--   (delete-runs-of-schedule.sql), and a run is only ever started under its schedule's lease;
-- - the index for retention is as before.
-- The constraints' and index's names are freed first: on H2 they are unique in the schema.
-- InnoDB will not drop the unique index that its foreign key uses: the key (named by InnoDB) goes first
ALTER TABLE ${prefix}runs DROP FOREIGN KEY ${prefix}runs_ibfk_1;
ALTER TABLE ${prefix}runs DROP CONSTRAINT ${prefix}runs_occurrence;
ALTER TABLE ${prefix}runs DROP CONSTRAINT ${prefix}runs_finished;
DROP INDEX ${prefix}runs_started_at ON ${prefix}runs;
CREATE TABLE ${prefix}runs_v7 (
    -- what a run's start writes first, what its end changes after: PostgreSQL's WAL leaves out an
    -- updated row's unchanged beginning, so the end's record carries little more than what changed
    id               CHAR(36)      NOT NULL,
    schedule_id      CHAR(36)      NOT NULL,
    occurrence       BIGINT        NOT NULL,
    attempt          INTEGER       NOT NULL CHECK (attempt >= 1),
    host             VARCHAR(200)  NOT NULL,
    started_at       BIGINT        NOT NULL,
    format_id        VARCHAR(50)   NOT NULL,
    status           VARCHAR(9)    NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    finished_at      BIGINT,
    document_version VARCHAR(200),
    size             BIGINT        CHECK (size >= 0),
    checksum         CHAR(64),
    location         VARCHAR(2000),
    message          TEXT,
    render_millis    BIGINT        CHECK (render_millis >= 0),
    delivery_millis  BIGINT        CHECK (delivery_millis >= 0),
    -- one run per schedule and occurrence, the key a run is found by: an occurrence never runs twice
    CONSTRAINT ${prefix}runs_occurrence PRIMARY KEY (schedule_id, occurrence),
    CONSTRAINT ${prefix}runs_finished CHECK ((status = 'RUNNING' AND finished_at IS NULL) OR (status <> 'RUNNING' AND finished_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO ${prefix}runs_v7 (id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
    document_version, size, checksum, location, message, render_millis, delivery_millis)
SELECT id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
    document_version, size, checksum, location, message, render_millis, delivery_millis
FROM ${prefix}runs;
DROP TABLE ${prefix}runs;
ALTER TABLE ${prefix}runs_v7 RENAME TO ${prefix}runs;
-- run history retention (a run that finished before a cutoff started before it; see V6)
CREATE INDEX ${prefix}runs_started_at ON ${prefix}runs (started_at);
