-- A schedule, after its runs (delete-runs-of-schedule.sql).
DELETE FROM <schedules> WHERE id = :id
