-- version is the owner's version from now on: a run no longer raises it, so that a run finishing
-- does not make the owner's edit stale. revision is raised by every write, and fences them.
ALTER TABLE ${prefix}schedules ADD COLUMN revision BIGINT;
UPDATE ${prefix}schedules SET revision = version;
ALTER TABLE ${prefix}schedules ALTER COLUMN revision SET NOT NULL;
ALTER TABLE ${prefix}schedules ADD CONSTRAINT ${prefix}schedules_revision CHECK (revision >= version);
