SELECT p.category, sum(t.amount) AS revenue
FROM sales.products p
LEFT JOIN sales.transactions t ON t.product_id = p.product_id
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY p.category
LIMIT 100
