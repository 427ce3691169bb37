-- Run history retention, through the started_at index (a run that finished before the cutoff
-- started before it; the end of a run writes no index entry, see migration V6). RUNNING runs
-- (finished_at NULL) are kept.
DELETE FROM <runs> WHERE started_at < :cutoff AND finished_at < :cutoff
