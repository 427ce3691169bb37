-- One page of an owner's schedules that match a query, in creation order (the owner index), with the
-- id to break ties so that pages never overlap. The filters must stay those of count-schedules.sql.
SELECT <scheduleColumns>
FROM <schedules> s JOIN <states> t ON t.id = s.id
WHERE owner_id = :owner
  AND (CAST(:document AS VARCHAR(200)) IS NULL OR document_id = :document)
  AND (CAST(:active AS <boolean>) IS NULL OR active = :active)
  AND (CAST(:format AS VARCHAR(50)) IS NULL OR format_id = :format)
ORDER BY created_at, s.id
LIMIT :limit OFFSET :offset
