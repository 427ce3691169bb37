-- The schedules a claim leased, read back by id (the primary key; the lease token has no index) and
-- kept only where the token is the claim's, in the order they were due.
SELECT id, owner_id, document_id, name,
       kind, times, days, day_of_month, ordinal, day_of_week, time_of_day, cron, zone, start_at, end_at,
       format_id, format_settings, destination_type, destination_parameters, misfire_policy, only_when_changed,
       active, paused_reason, next_run_at, next_occurrence, last_run_at, last_status, last_exported_version,
       run_count, error_count, consecutive_failures, created_at, updated_at, version, revision
FROM <schedules>
WHERE id IN (<ids>) AND lease_token = :token
ORDER BY next_run_at, id
