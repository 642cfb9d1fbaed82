SELECT transaction_date, sum(amount) AS refunded
FROM main.sales.transactions
WHERE status = 'refunded'
GROUP BY transaction_date
