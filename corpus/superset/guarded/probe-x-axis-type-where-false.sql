SELECT date_trunc('week', transaction_date) AS `transaction_week`
FROM sales.transactions
WHERE false
