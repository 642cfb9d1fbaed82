SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-02-01' AND '2026-04-30'
GROUP BY region
ORDER BY 1
