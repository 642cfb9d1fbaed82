SELECT p.product_id, tag, t.amount
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
LATERAL VIEW explode(p.tags) x AS tag
