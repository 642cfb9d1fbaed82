SELECT /*+ BROADCAST(r) */ o.order_id, r.name FROM sales.orders o JOIN sales.regions r ON o.region_id = r.id
