SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date < DATE '2026-06-01'
GROUP BY region
ORDER BY 1
