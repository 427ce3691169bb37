-- A schedule's state, after its runs and before its definition (delete-schedule.sql).
DELETE FROM <states> WHERE id = :id
