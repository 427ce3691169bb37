-- One schedule by id.
SELECT <scheduleColumns>
FROM <schedules> s JOIN <states> t ON t.id = s.id
WHERE s.id = :id
