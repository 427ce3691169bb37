-- Pauses a schedule that cannot be read (a time zone this JVM does not know, a row written wrongly by
-- hand) with the reason, counts the failure and releases the lease, so that the other schedules of
-- the batch keep running. The revision is raised: this is a write like any other.
UPDATE <states>
SET active = <false>, paused_reason = :reason, next_run_at = NULL, next_occurrence = NULL,
    last_status = 'FAILED', error_count = error_count + 1, consecutive_failures = consecutive_failures + 1,
    revision = revision + 1, updated_at = :now,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL
WHERE id = :id
