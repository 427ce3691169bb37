-- Starts a run in the common case, in one statement: only while the claim's lease token is on the
-- schedule and the occurrence has no run yet (otherwise nothing is inserted, and the store looks at
-- why). The unique (schedule_id, occurrence) index backs the rule that an occurrence runs once.
INSERT INTO <runs> (id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
    document_version, size, checksum, location, message, render_millis, delivery_millis)
SELECT :id, :schedule_id, :occurrence, :status, :attempt, :host, :started_at, :finished_at, :format_id,
    :document_version, :size, :checksum, :location, :message, :render_millis, :delivery_millis
FROM <states> s
WHERE s.id = :schedule_id
  AND s.lease_token = :token
  AND NOT EXISTS (SELECT 1 FROM <runs> r WHERE r.schedule_id = :schedule_id AND r.occurrence = :occurrence)
