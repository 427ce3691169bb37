-- A host's leases, released when it shuts down: made expired (ended at the epoch), so that the next
-- claim takes over what they left, as for any expired lease. Only lease_until changes (a heap-only
-- update on PostgreSQL).
UPDATE <states> SET lease_until = 0 WHERE lease_owner = :owner AND lease_until > 0
