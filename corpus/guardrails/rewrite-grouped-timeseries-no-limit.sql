SELECT date_trunc('week', transaction_date) AS transaction_date,
       sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= date_sub(current_date(), 180)
GROUP BY date_trunc('week', transaction_date)
ORDER BY transaction_date
