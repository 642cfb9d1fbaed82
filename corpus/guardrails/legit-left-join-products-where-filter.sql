SELECT coalesce(p.brand, 'unknown') AS brand, count(*) AS orders
FROM sales.transactions t
LEFT JOIN sales.products p ON p.product_id = t.product_id
WHERE t.transaction_date >= DATE '2026-11-01'
GROUP BY coalesce(p.brand, 'unknown')
LIMIT 200
