SELECT o.order_id, li.pos, li.item
FROM sales.orders o LATERAL VIEW posexplode(o.items) li AS pos, item
