SELECT p.product_id,
       (SELECT max(t.amount) FROM sales.transactions t WHERE t.product_id = p.product_id) AS top_sale
FROM sales.products p
LIMIT 100
