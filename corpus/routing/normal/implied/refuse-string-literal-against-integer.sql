SELECT product_id, sum(amount) AS revenue
FROM main.sales.transactions
WHERE product_id = '5'
GROUP BY product_id
ORDER BY 1
