-- Writes a run over its row, found by its key (schedule and occurrence): a run started again, or a
-- run's end.
UPDATE <runs>
SET id = :id, status = :status, attempt = :attempt, host = :host,
    started_at = :started_at, finished_at = :finished_at, format_id = :format_id,
    document_version = :document_version, size = :size, checksum = :checksum, location = :location,
    message = :message, render_millis = :render_millis, delivery_millis = :delivery_millis
WHERE schedule_id = :schedule_id AND occurrence = :occurrence
