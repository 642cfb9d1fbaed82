SELECT date_trunc('month', transaction_date) AS m, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2025-12-01'
GROUP BY 1, 2
ORDER BY 1, 2
