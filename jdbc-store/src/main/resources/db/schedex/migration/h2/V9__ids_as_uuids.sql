-- Ids and lease tokens in the database's own UUID type (docs/benchmarks.md, "The database's cost per
-- run"): sixteen bytes where their text took thirty-seven. A run writes them in its row (its id and its
-- schedule's), in its key entry, in the state's key entry its end writes and in the claim's lease, so
-- the text cost every run about a hundred bytes of WAL. The values are the same; the store binds them
-- as UUIDs (UuidArguments). MariaDB keeps CHAR(36): its UUID type needs 10.7, and 10.6 is supported.
ALTER TABLE ${prefix}schedules ALTER COLUMN id SET DATA TYPE UUID;
ALTER TABLE ${prefix}schedule_states ALTER COLUMN id SET DATA TYPE UUID;
ALTER TABLE ${prefix}schedule_states ALTER COLUMN lease_token SET DATA TYPE UUID;
ALTER TABLE ${prefix}runs ALTER COLUMN id SET DATA TYPE UUID;
ALTER TABLE ${prefix}runs ALTER COLUMN schedule_id SET DATA TYPE UUID;
