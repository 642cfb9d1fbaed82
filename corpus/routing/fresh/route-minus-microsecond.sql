SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date <= TIMESTAMP '2026-11-01 00:00:00' - INTERVAL '0.000001' SECOND
GROUP BY region
