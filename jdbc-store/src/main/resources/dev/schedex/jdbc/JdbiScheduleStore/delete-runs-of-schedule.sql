-- A deleted schedule's history: its runs go first, in the same transaction as the schedule
-- (delete-schedule.sql), before the row they reference.
DELETE FROM <runs> WHERE schedule_id = :id
