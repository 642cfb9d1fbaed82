-- A built-in generator whose argument is non-deterministic: Spark pushes
-- no filter through a Generate that is not deterministic, and sluice
-- does not tell that Generate from the join beside it, so the WHERE is
-- not taken as reaching the fact (errs towards no bound).
SELECT t.region, e.col FROM main.sales.transactions t, explode(array(rand(), 1.0)) e WHERE t.transaction_date >= '2026-11-01' AND t.transaction_date < '2026-11-10' LIMIT 100
