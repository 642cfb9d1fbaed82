-- A VALUES list whose alias list names transaction_date: the unqualified
-- name could be either item's, so it bounds neither.
SELECT count(*) AS n FROM main.sales.transactions t, (VALUES (1)) AS v (transaction_date) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
