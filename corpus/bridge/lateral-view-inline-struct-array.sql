SELECT o.order_id, sku, qty
FROM sales.orders o
LATERAL VIEW inline(o.lines) l AS sku, qty
