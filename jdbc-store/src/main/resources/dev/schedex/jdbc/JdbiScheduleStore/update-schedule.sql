-- An owner's edit: every column but the id and the lease, fenced by the revision so that a write
-- made since the schedule was read (a run's end, another edit) is not overwritten.
UPDATE <schedules>
SET owner_id = :owner_id, document_id = :document_id, name = :name,
    kind = :kind, times = :times, days = :days, day_of_month = :day_of_month, ordinal = :ordinal,
    day_of_week = :day_of_week, time_of_day = :time_of_day, cron = :cron, interval_count = :interval_count,
    interval_unit = :interval_unit, interval_from = :interval_from, business_calendar = :business_calendar,
    non_business_day = :non_business_day, business_day = :business_day, zone = :zone,
    start_at = :start_at, end_at = :end_at,
    format_id = :format_id, format_settings = :format_settings, destination_type = :destination_type,
    destination_parameters = :destination_parameters, misfire_policy = :misfire_policy,
    only_when_changed = :only_when_changed,
    active = :active, paused_reason = :paused_reason, next_run_at = :next_run_at, next_occurrence = :next_occurrence,
    last_run_at = :last_run_at, last_status = :last_status, last_exported_version = :last_exported_version,
    run_count = :run_count, error_count = :error_count, consecutive_failures = :consecutive_failures,
    created_at = :created_at, updated_at = :updated_at, version = :version, revision = :revision
WHERE id = :id AND revision = :expected
