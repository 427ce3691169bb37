-- A new schedule's state, every column but the lease (a new schedule is not leased); its definition
-- goes into the schedules table (insert-schedule.sql).
INSERT INTO <states> (id, active, paused_reason, version, last_exported_version, error_count,
    consecutive_failures, next_run_at, next_occurrence, last_run_at, last_status, run_count, updated_at, revision)
VALUES (:id, :active, :paused_reason, :version, :last_exported_version, :error_count,
    :consecutive_failures, :next_run_at, :next_occurrence, :last_run_at, :last_status, :run_count, :updated_at, :revision)
