-- A failed run for an unreadable schedule's next occurrence, saying why, so that its history shows
-- what paused it. Written from the row's own columns: the schedule cannot be read into Java.
INSERT INTO <runs> (id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id, message)
SELECT :run, s.id, t.next_occurrence, 'FAILED', 1, :host, :now, :now, format_id, :message
FROM <schedules> s JOIN <states> t ON t.id = s.id
WHERE s.id = :id
