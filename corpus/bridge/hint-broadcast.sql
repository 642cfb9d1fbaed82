SELECT /*+ BROADCAST(p) */ t.transaction_id, p.category
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
