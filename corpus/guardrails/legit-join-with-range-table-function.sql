-- A fact joined to range(): Range is a leaf of the plan, and the WHERE
-- conjuncts on the fact's columns are pushed into its side of the join
-- (PushPredicateThroughJoin), so the fact's window is bounded.
SELECT t.region, r.id FROM main.sales.transactions t JOIN range(3) r ON r.id < 5 WHERE t.transaction_date >= '2026-11-01' AND t.transaction_date < '2026-11-10' LIMIT 100
