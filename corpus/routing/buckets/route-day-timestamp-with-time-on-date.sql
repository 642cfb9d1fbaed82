SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= TIMESTAMP '2026-10-05 10:00:00'
GROUP BY region
