SELECT p.category, t.amount
FROM transactions t
JOIN products p ON p.product_id = t.product_id
