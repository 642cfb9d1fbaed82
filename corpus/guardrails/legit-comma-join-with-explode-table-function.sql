-- A built-in generator in FROM with deterministic arguments: the filter
-- on the fact passes the join and the Generate.
SELECT t.region, e.col FROM main.sales.transactions t, explode(array(1, 2)) e WHERE t.transaction_date >= '2026-11-01' AND t.transaction_date < '2026-11-10' LIMIT 100
