SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00.000000'
GROUP BY region
