SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-05'
GROUP BY region
