SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date > DATE '2026-11-20'
GROUP BY region
