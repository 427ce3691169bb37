-- A deleted schedule's history, in the same transaction as its state and definition
-- (delete-state.sql, delete-schedule.sql). Runs have no foreign key to their schedule (migration V7):
-- the store deletes them here.
DELETE FROM <runs> WHERE schedule_id = :id
