SELECT store_id, count(*) AS orders
FROM sales.transactions
WHERE transaction_date > date_add(current_date(), -14)
GROUP BY store_id
LIMIT 100
