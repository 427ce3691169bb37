-- Whether a schedule id is taken: an insert refuses a duplicate with its own message, not the driver's.
SELECT COUNT(*) FROM <schedules> WHERE id = :id
