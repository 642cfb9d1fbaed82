SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= current_date() - INTERVAL '1-1' YEAR TO MONTH
