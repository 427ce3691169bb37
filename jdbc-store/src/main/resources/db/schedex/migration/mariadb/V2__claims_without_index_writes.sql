-- A claim writes only the lease columns; without an index on lease_until it writes no index entry.
-- Expired leases are found through the due index instead: a lease that matters is on a due
-- schedule, and every claim treats an expired lease as no lease.
DROP INDEX ${prefix}schedules_lease ON ${prefix}schedules;
