-- approx_top_k is an aggregate (Spark's registry): the stored groups would be counted, not the transactions.
SELECT region, approx_top_k(channel) AS top_channels
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
