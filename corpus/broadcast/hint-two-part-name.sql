SELECT p.category, t.amount
FROM sales.transactions t
JOIN sales.products p ON p.product_id = t.product_id
