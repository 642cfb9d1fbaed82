SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date < DATE '2026-11-01' + INTERVAL '0.000001' SECOND
GROUP BY region
