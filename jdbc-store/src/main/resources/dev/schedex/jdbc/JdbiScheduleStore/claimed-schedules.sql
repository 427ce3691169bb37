-- The schedules a claim leased, read back by id (the primary key; the lease token has no index) and
-- kept only where the token is the claim's, in the order they were due.
SELECT <scheduleColumns>
FROM <schedules>
WHERE id IN (<ids>) AND lease_token = :token
ORDER BY next_run_at, id
