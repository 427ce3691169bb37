-- Records runs a dead or late host left RUNNING, and that no one will take over, as abandoned: by
-- their key (schedule and occurrence; a run's id has no index of its own, see migration V7).
UPDATE <runs>
SET status = 'FAILED', finished_at = :now, message = :message
WHERE schedule_id = :schedule AND occurrence = :occurrence
