-- 3 is a value here, not a position: GROUP BY ALL stays GROUP BY ALL.
SELECT 3 AS tier, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY ALL
