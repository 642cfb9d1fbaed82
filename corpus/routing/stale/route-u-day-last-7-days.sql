SELECT region, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
GROUP BY region
ORDER BY revenue DESC
