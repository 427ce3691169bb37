-- Records runs a dead or late host left RUNNING, and that no one will take over, as abandoned.
UPDATE <runs>
SET status = 'FAILED', finished_at = :now, message = :message
WHERE id IN (<ids>)
