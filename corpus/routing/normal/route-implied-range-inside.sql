SELECT date_trunc('month', transaction_date) AS m, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-03-01' AND transaction_date < DATE '2026-07-01'
GROUP BY 1, 2
ORDER BY 1, 2
