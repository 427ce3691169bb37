-- A run's end writes no secondary index entry (docs/benchmarks.md, "The database's cost per run"):
-- retention goes through started_at, which a run's end never changes, instead of finished_at.
-- InnoDB updates a secondary index only when its columns change, and has no fillfactor to set.
DROP INDEX ${prefix}runs_finished_at ON ${prefix}runs;
CREATE INDEX ${prefix}runs_started_at ON ${prefix}runs (started_at);
