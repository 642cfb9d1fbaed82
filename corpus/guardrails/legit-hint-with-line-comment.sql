SELECT /*+ BROADCAST(p) -- the small side
 */ p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY p.category
LIMIT 100
