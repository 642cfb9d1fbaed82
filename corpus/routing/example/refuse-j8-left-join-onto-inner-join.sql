-- A LEFT JOIN keeps the sales of products the products table does not
-- list (category NULL); the aggregate, built over the inner join, lacks
-- them.  Not routed.
SELECT p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
LEFT JOIN main.sales.products p ON t.product_id = p.product_id
WHERE t.transaction_date >= DATE '2026-10-01'
GROUP BY p.category
