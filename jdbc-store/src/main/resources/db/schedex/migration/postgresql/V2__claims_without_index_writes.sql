-- A claim writes only the lease columns. Without an index on lease_until, and with room left on each
-- page, PostgreSQL makes that a heap-only update: no index entry is written, so a claim costs the
-- same with a million schedules as with ten thousand (3.4 ms for 100 at 1,000,000 stored, 5.2 ms
-- with the index). Expired leases are found through the due index instead: a lease that matters is
-- on a due schedule, and every claim treats an expired lease as no lease.
DROP INDEX ${prefix}schedules_lease;
ALTER TABLE ${prefix}schedules SET (fillfactor = 90);
