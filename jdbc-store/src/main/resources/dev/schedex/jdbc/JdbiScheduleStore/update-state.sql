-- An owner's edit of the state (pause, resume, the next run of a new timing): every column but the id
-- and the lease, fenced by the revision so that a write made since the schedule was read (a run's end,
-- another edit) is not overwritten. The definition follows (update-schedule.sql).
UPDATE <states>
SET active = :active, paused_reason = :paused_reason, version = :version,
    last_exported_version = :last_exported_version, error_count = :error_count,
    consecutive_failures = :consecutive_failures, next_run_at = :next_run_at, next_occurrence = :next_occurrence,
    last_run_at = :last_run_at, last_status = :last_status, run_count = :run_count, updated_at = :updated_at,
    revision = :revision
WHERE id = :id AND revision = :expected
