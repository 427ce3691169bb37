-- A run's end that has no row yet (update-run.sql wrote nothing): the run is inserted whole.
INSERT INTO <runs> (id, schedule_id, occurrence, status, attempt, host, started_at, finished_at, format_id,
    document_version, size, checksum, location, message, render_millis, delivery_millis)
VALUES (:id, :schedule_id, :occurrence, :status, :attempt, :host, :started_at, :finished_at, :format_id,
    :document_version, :size, :checksum, :location, :message, :render_millis, :delivery_millis)
