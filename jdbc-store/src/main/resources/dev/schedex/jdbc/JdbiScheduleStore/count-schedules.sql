-- How many of an owner's schedules match a query, for the page's total. An absent filter is a null
-- parameter; the CASTs give each null a type, which PostgreSQL cannot infer from "IS NULL" alone.
-- The filters must stay those of list-schedules.sql.
SELECT COUNT(*)
FROM <schedules> s JOIN <states> t ON t.id = s.id
WHERE owner_id = :owner
  AND (CAST(:document AS VARCHAR(200)) IS NULL OR document_id = :document)
  AND (CAST(:active AS <boolean>) IS NULL OR active = :active)
  AND (CAST(:format AS VARCHAR(50)) IS NULL OR format_id = :format)
