SELECT p.category, sum(t.amount) AS revenue
FROM sales.transactions t
JOIN sales.products p ON p.product_id = t.product_id
WHERE p.launch_date >= DATE '2026-06-01'
GROUP BY p.category
LIMIT 1000
