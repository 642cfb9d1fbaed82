SELECT transaction_date, sum(amount) AS revenue
FROM main.sales.transactions
WHERE status = 'refunded'
GROUP BY transaction_date
ORDER BY 1
