SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-03-01' AND channel = 'web'
GROUP BY 1
ORDER BY 1
