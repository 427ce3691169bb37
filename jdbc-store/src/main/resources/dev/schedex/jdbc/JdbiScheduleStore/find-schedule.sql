-- One schedule by id.
SELECT <scheduleColumns>
FROM <schedules>
WHERE id = :id
