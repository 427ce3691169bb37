-- A run's end writes no secondary index entry (docs/benchmarks.md, "The database's cost per run"):
-- retention goes through started_at, which a run's end never changes, instead of finished_at.
DROP INDEX ${prefix}runs_finished_at;
CREATE INDEX ${prefix}runs_started_at ON ${prefix}runs (started_at);
