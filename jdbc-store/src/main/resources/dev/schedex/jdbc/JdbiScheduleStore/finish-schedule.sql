-- A claim's end: the schedule's new state and the lease released, fenced by the revision (the
-- definition is unchanged since the claim, so only the state columns are written) and by the lease
-- token (a host whose lease expired cannot overwrite the host that took over).
UPDATE <states>
SET active = :active, paused_reason = :paused_reason, next_run_at = :next_run_at, next_occurrence = :next_occurrence,
    last_run_at = :last_run_at, last_status = :last_status, last_exported_version = :last_exported_version,
    run_count = :run_count, error_count = :error_count, consecutive_failures = :consecutive_failures,
    updated_at = :updated_at, version = :version, revision = :revision,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL
WHERE id = :id AND revision = :expected AND lease_token = :token
