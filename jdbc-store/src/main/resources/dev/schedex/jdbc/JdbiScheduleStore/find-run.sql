-- The run of a schedule's occurrence, through the unique (schedule_id, occurrence) index: a retry or
-- a take-over starts that run again instead of adding one.
SELECT id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
       document_version, size, checksum, location, message, render_millis, delivery_millis
FROM <runs>
WHERE schedule_id = :schedule AND occurrence = :occurrence
