SELECT region, count(*) AS orders
FROM main.sales.transactions
WHERE channel IN ('web', 'app') AND transaction_date >= DATE '2026-11-01'
GROUP BY region
ORDER BY 1
