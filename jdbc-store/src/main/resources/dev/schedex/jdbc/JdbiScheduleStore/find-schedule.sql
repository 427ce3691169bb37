-- One schedule by id: every column the row mapper reads, not the lease.
SELECT id, owner_id, document_id, name,
       kind, times, days, day_of_month, ordinal, day_of_week, time_of_day, cron, zone, start_at, end_at,
       format_id, format_settings, destination_type, destination_parameters, misfire_policy, only_when_changed,
       active, paused_reason, next_run_at, next_occurrence, last_run_at, last_status, last_exported_version,
       run_count, error_count, consecutive_failures, created_at, updated_at, version, revision
FROM <schedules>
WHERE id = :id
