-- LIKE ANY / NOT ILIKE ALL on a dimension: a filter the aggregate table can apply.
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' AND region LIKE ANY ('e%', 'w%') AND region NOT ILIKE ALL ('%x%', '%y%') GROUP BY region LIMIT 100
