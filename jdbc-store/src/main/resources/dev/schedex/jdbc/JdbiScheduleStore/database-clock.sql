-- The database's current time in epoch milliseconds (<currentMillis> is the engine's expression), by
-- which lease expiry is judged: one clock for all the hosts that share the database.
SELECT <currentMillis>
