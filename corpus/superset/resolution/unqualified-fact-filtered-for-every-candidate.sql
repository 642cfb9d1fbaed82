SELECT region, sum(amount) AS revenue
FROM transactions
WHERE transaction_date >= current_date() - INTERVAL 60 DAYS
GROUP BY region
