-- The run of a schedule's occurrence, through the unique (schedule_id, occurrence) index: a retry or
-- a take-over starts that run again instead of adding one.
SELECT <runColumns>
FROM <runs>
WHERE schedule_id = :schedule AND occurrence = :occurrence
