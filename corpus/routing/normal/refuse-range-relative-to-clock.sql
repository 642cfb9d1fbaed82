SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= date_trunc('year', current_date())
GROUP BY 1
ORDER BY 1
