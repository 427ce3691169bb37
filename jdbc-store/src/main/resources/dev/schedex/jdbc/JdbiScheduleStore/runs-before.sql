-- A next page of a schedule's run history: keyset paging on the unique (schedule_id, occurrence)
-- index, stable while runs are added, and as cheap on page 1,000 as on page 1. See runs-newest.sql.
SELECT id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
       document_version, size, checksum, location, message, render_millis, delivery_millis
FROM <runs>
WHERE schedule_id = :schedule AND occurrence < :before
ORDER BY occurrence DESC
LIMIT :limit
