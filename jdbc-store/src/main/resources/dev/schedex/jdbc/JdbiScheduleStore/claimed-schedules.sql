-- The schedules a claim leased, read back by id (the primary key; the lease token has no index) and
-- kept only where the token is the claim's, in the order they were due.
SELECT <scheduleColumns>
FROM <schedules> s JOIN <states> t ON t.id = s.id
WHERE s.id IN (<ids>) AND t.lease_token = :token
ORDER BY t.next_run_at, s.id
