SELECT date_trunc('week', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 90 DAYS
GROUP BY date_trunc('week', transaction_date)
