SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 30 DAYS
GROUP BY region
LIMIT 100
