-- Leases a claimed batch with one token: it is new, so it still fences each schedule against any
-- other claim. The due conditions are repeated so that the update is safe without row locks (H2)
-- and a no-op with them (PostgreSQL, MariaDB).
UPDATE <states>
SET lease_owner = :owner, lease_token = :token, lease_until = :until
WHERE id IN (<ids>)
  AND active = <true>
  AND next_run_at <= :now
  AND (lease_until IS NULL OR lease_until < :leaseNow)
