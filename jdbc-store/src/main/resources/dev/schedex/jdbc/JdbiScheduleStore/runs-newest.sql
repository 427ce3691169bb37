-- The first page of a schedule's run history, newest first. See runs-before.sql for the next pages.
SELECT <runColumns>
FROM <runs>
WHERE schedule_id = :schedule
ORDER BY occurrence DESC
LIMIT :limit
