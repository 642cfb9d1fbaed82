SELECT p.product_id, (SELECT max(amount) FROM main.sales.transactions) AS top_amount
FROM main.sales.products p
LIMIT 10
