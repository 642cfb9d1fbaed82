SELECT /*+ BROADCAST(p) */ p.category, sum(t.amount) AS revenue
FROM sales.transactions t
JOIN sales.products p ON p.product_id = t.product_id
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY p.category
LIMIT 100
