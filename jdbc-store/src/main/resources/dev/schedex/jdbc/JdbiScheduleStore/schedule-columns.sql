-- The define <scheduleColumns>: the columns a schedule is read from (ScheduleRows.SCHEDULE), every
-- column but the lease, for the statements that read schedules. Written once, here, so that they
-- read the same columns.
s.id, owner_id, document_id, name,
kind, times, days, day_of_month, ordinal, day_of_week, time_of_day, cron, interval_count, interval_unit, interval_from,
business_calendar, non_business_day, business_day, zone, start_at, end_at,
format_id, format_settings, destination_type, destination_parameters, misfire_policy, only_when_changed,
active, paused_reason, next_run_at, next_occurrence, last_run_at, last_status, last_exported_version,
run_count, error_count, consecutive_failures, created_at, updated_at, version, revision
