-- Whether a schedule carries a lease before a run-now claim: if the claim then succeeds, that lease
-- had expired, and what its host left running must be taken over.
SELECT COUNT(*) FROM <states> WHERE id = :id AND lease_until IS NOT NULL
