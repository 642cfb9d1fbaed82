SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date < TIMESTAMP_NTZ '2026-10-31 23:59:59.999999'
GROUP BY region
