SELECT a.order_id, b.order_id
FROM main.sales.transactions a JOIN main.sales.transactions b ON a.order_id = b.parent_id
