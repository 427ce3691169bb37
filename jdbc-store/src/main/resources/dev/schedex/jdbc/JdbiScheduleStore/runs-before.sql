-- A next page of a schedule's run history: keyset paging on the unique (schedule_id, occurrence)
-- index, stable while runs are added, and as cheap on page 1,000 as on page 1. See runs-newest.sql.
SELECT <runColumns>
FROM <runs>
WHERE schedule_id = :schedule AND occurrence < :before
ORDER BY occurrence DESC
LIMIT :limit
