-- PostgreSQL and MariaDB: a batch of due schedules, locked for the claim's transaction.
-- FOR UPDATE SKIP LOCKED: concurrent hosts take different rows without waiting on each other, so the
-- index order is enough. The due index (active, next_run_at) is walked in order and the walk stops
-- after the batch. An expired lease counts as no lease: lease_until has no index of its own (migration
-- V2), so that a claim, which writes only the lease columns, writes no index entry.
-- See claim-due-in-id-order.sql for H2.
SELECT id, lease_until
FROM <states>
WHERE active = <true>
  AND next_run_at <= :now
  AND (lease_until IS NULL OR lease_until < :leaseNow)
ORDER BY next_run_at
LIMIT :limit
FOR UPDATE SKIP LOCKED
