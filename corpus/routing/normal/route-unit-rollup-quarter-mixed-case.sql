SELECT date_trunc('Quarter', transaction_date) AS q, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('Quarter', transaction_date)
ORDER BY 1
