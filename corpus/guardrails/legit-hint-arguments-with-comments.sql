SELECT /*+ BROADCAST(p /* dimension */), MERGE(t) */ p.category, t.amount
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
WHERE t.transaction_date >= DATE '2026-11-01'
LIMIT 100
