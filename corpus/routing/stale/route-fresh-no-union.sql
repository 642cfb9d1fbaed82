SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-11-01' AND '2026-11-20'
GROUP BY region
