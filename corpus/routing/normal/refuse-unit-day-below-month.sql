SELECT date_trunc('DD', transaction_date) AS d, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY date_trunc('DD', transaction_date)
ORDER BY 1
