SELECT region, sum(amount) AS revenue
FROM main.sales.transactions AS t (transaction_date, region)
WHERE transaction_date < '2026-10-01'
GROUP BY region
