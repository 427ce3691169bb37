-- Leases one schedule for a run-now call, due or not, unless a live lease holds it: only one host
-- can win this conditional update.
UPDATE <states>
SET lease_owner = :owner, lease_token = :token, lease_until = :until
WHERE id = :id
  AND (lease_until IS NULL OR lease_until < :leaseNow)
