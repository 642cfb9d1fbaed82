SELECT region, count(*) AS orders
FROM sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 2 YEARS
GROUP BY region
LIMIT 100
