-- A run's end and a claim write no index entry (docs/benchmarks.md, "The database's cost per run").
--
-- A run's end set finished_at, which was indexed for retention, so PostgreSQL wrote a new entry in
-- every index of the runs table for each run that ended. Retention goes through started_at instead
-- (a run that finished before a cutoff started before it), which a run's end never changes, so the
-- end is a heap-only update when its page has room.
DROP INDEX ${prefix}runs_finished_at;
CREATE INDEX ${prefix}runs_started_at ON ${prefix}runs (started_at);
-- Room on each page: a run's end writes a new version of a row that was inserted moments before on
-- the same page, and a claim a new version of its schedule's row; with pages filled to 90 % most of
-- them did not fit and became updates that write every index. Half of each page is left free (new
-- pages only: existing rows move as they are updated).
ALTER TABLE ${prefix}runs SET (fillfactor = 50);
ALTER TABLE ${prefix}schedules SET (fillfactor = 50);
