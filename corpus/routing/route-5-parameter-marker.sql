-- A parameter marker is bound before the query runs: a filter on a
-- dimension with it is a filter the aggregate table can apply.
-- bind :region = 'east'
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' AND region = :region GROUP BY region LIMIT 100
