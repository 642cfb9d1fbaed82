-- A filter on the products' brand: the aggregate keeps the category only,
-- so its groups mix brands.  Not routed; the fact is read for October,
-- with the small products table broadcast.
SELECT p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p ON t.product_id = p.product_id
WHERE p.brand = 'Acme'
  AND t.transaction_date >= DATE '2026-10-01' AND t.transaction_date < DATE '2026-11-01'
GROUP BY p.category
