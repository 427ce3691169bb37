-- H2: a batch of due schedules, read without locks (H2 has no SKIP LOCKED). The lease update
-- (lease-due.sql) repeats these conditions, so only one claimer wins each row. The id completes the
-- order: concurrent claimers then lock the rows they update in the same order, and deadlock less.
-- See claim-due-skip-locked.sql for PostgreSQL and MariaDB.
SELECT id, lease_until
FROM <states>
WHERE active = <true>
  AND next_run_at <= :now
  AND (lease_until IS NULL OR lease_until < :leaseNow)
ORDER BY next_run_at, id
LIMIT :limit
