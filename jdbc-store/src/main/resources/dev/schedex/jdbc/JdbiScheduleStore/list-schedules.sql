-- One page of an owner's schedules that match a query, in creation order (the owner index), with the
-- id to break ties so that pages never overlap. The filters must stay those of count-schedules.sql.
SELECT id, owner_id, document_id, name,
       kind, times, days, day_of_month, ordinal, day_of_week, time_of_day, cron, zone, start_at, end_at,
       format_id, format_settings, destination_type, destination_parameters, misfire_policy, only_when_changed,
       active, paused_reason, next_run_at, next_occurrence, last_run_at, last_status, last_exported_version,
       run_count, error_count, consecutive_failures, created_at, updated_at, version, revision
FROM <schedules>
WHERE owner_id = :owner
  AND (CAST(:document AS VARCHAR(200)) IS NULL OR document_id = :document)
  AND (CAST(:active AS <boolean>) IS NULL OR active = :active)
  AND (CAST(:format AS VARCHAR(50)) IS NULL OR format_id = :format)
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
