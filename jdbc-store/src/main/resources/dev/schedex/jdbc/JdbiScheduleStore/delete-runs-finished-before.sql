-- Run history retention, through the finished_at index. RUNNING runs (finished_at NULL) are kept.
DELETE FROM <runs> WHERE finished_at < :cutoff
