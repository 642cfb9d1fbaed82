SELECT date_trunc('months', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('months', transaction_date)
ORDER BY 1
