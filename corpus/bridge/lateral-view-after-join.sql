SELECT c.customer_id, o.order_id, line.sku, line.qty
FROM main.sales.customers c
JOIN sales.orders o ON o.customer_id = c.customer_id
LATERAL VIEW explode(o.lines) l AS line
WHERE line.qty > 1
