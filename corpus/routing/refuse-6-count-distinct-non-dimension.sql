SELECT count(DISTINCT product_id) AS products
FROM main.sales.transactions
