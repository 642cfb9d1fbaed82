SELECT p.category AS label, t.amount FROM main.sales.transactions t JOIN main.sales.products p ON p.product_id = t.product_id
UNION ALL
SELECT r.name AS label, t.amount FROM main.sales.transactions t JOIN main.sales.regions r ON r.region_id = t.region_id
