-- A schedule's definition, after its runs (delete-runs-of-schedule.sql) and its state (delete-state.sql).
DELETE FROM <schedules> WHERE id = :id
