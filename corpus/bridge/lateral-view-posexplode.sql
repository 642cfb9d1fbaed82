SELECT o.order_id, pos, item
FROM sales.orders o
LATERAL VIEW posexplode(o.items) items_view AS pos, item
ORDER BY o.order_id, pos
