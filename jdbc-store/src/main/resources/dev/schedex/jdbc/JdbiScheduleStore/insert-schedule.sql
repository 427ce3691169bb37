-- A new schedule's definition; its state goes into the state table (insert-state.sql).
INSERT INTO <schedules> (id, owner_id, document_id, name,
    kind, times, days, day_of_month, ordinal, day_of_week, time_of_day, cron, interval_count, interval_unit,
    interval_from, business_calendar, non_business_day, business_day, zone, start_at, end_at,
    format_id, format_settings, destination_type, destination_parameters, misfire_policy, only_when_changed,
    created_at)
VALUES (:id, :owner_id, :document_id, :name,
    :kind, :times, :days, :day_of_month, :ordinal, :day_of_week, :time_of_day, :cron, :interval_count, :interval_unit,
    :interval_from, :business_calendar, :non_business_day, :business_day, :zone, :start_at, :end_at,
    :format_id, :format_settings, :destination_type, :destination_parameters, :misfire_policy, :only_when_changed,
    :created_at)
