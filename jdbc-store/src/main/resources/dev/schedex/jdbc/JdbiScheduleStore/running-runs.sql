-- The runs left RUNNING on schedules whose lease expired, newest occurrence first, so that the first
-- of each schedule is the one to take over. Through the runs' key (schedule_id, occurrence).
SELECT schedule_id, occurrence
FROM <runs>
WHERE schedule_id IN (<ids>) AND status = 'RUNNING'
ORDER BY occurrence DESC
