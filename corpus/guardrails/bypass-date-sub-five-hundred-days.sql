SELECT region, count(*) AS orders
FROM sales.transactions
WHERE transaction_date >= date_sub(current_date(), 500)
GROUP BY region
LIMIT 100
