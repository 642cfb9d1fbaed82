SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= date_trunc('month', current_date()) - INTERVAL 3 MONTHS AND transaction_date < date_trunc('month', current_date())
GROUP BY date_trunc('month', transaction_date)
