SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= TIMESTAMP '2026-05-01 00:00:00'
GROUP BY 1
ORDER BY 1
