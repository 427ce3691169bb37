-- The first page of a schedule's run history, newest first. See runs-before.sql for the next pages.
SELECT id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
       document_version, size, checksum, location, message, render_millis, delivery_millis
FROM <runs>
WHERE schedule_id = :schedule
ORDER BY occurrence DESC
LIMIT :limit
