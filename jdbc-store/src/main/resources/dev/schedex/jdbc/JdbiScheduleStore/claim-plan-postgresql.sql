-- PostgreSQL: set up a claim's transaction for the due query (SET LOCAL: for this transaction only).
-- Both settings stand against plans whose cost grows with the number of due rows; see
-- docs/benchmarks.md ("PostgreSQL claims: no bitmap scan, no generic plans").
-- The due query must walk the due index in order and stop after the batch; when the statistics say
-- few rows are due (a backlog, or a burst at 02:00 the last ANALYZE did not see), the planner prefers
-- a bitmap scan of every due row and a sort. And the driver's prepared statements get generic plans
-- after five runs, in which the lease update by id (repeating the due conditions) scans the due index
-- instead of the primary key.
SET LOCAL enable_bitmapscan = off; SET LOCAL plan_cache_mode = force_custom_plan
