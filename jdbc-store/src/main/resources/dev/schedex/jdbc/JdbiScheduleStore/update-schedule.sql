-- An owner's edit of the definition: every column but the id. Run only after update-state.sql
-- succeeded in the same transaction: the state's revision is the fence of both, and its row lock
-- keeps any other writer out until the transaction ends.
UPDATE <schedules>
SET owner_id = :owner_id, document_id = :document_id, name = :name,
    kind = :kind, times = :times, days = :days, day_of_month = :day_of_month, ordinal = :ordinal,
    day_of_week = :day_of_week, time_of_day = :time_of_day, cron = :cron, interval_count = :interval_count,
    interval_unit = :interval_unit, interval_from = :interval_from, business_calendar = :business_calendar,
    non_business_day = :non_business_day, business_day = :business_day, zone = :zone,
    start_at = :start_at, end_at = :end_at,
    format_id = :format_id, format_settings = :format_settings, destination_type = :destination_type,
    destination_parameters = :destination_parameters, misfire_policy = :misfire_policy,
    only_when_changed = :only_when_changed, created_at = :created_at
WHERE id = :id
