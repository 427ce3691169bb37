-- Locks a schedule's row and reads its lease token: the fence of starting and finishing a run.
-- The row lock keeps a claim by another host from slipping in between the check and the write.
SELECT lease_token FROM <states> WHERE id = :id FOR UPDATE
