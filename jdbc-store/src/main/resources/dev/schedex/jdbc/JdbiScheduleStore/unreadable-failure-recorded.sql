-- Whether an unreadable schedule's next occurrence has a run already, so that quarantining it
-- twice (a retried transaction, a second host) records one failed run, not two.
SELECT COUNT(*)
FROM <runs> r
JOIN <states> s ON r.schedule_id = s.id AND r.occurrence = s.next_occurrence
WHERE s.id = :id
