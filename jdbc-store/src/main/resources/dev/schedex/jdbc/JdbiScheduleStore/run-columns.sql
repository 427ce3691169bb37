-- The define <runColumns>: the columns a run is read from (ScheduleRows.RUN), for the statements that
-- read runs. Written once, here, so that they read the same columns.
id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
document_version, size, checksum, location, message, render_millis, delivery_millis
