SELECT /*+ COALESCE(2), MERGE(c) */ p.category, c.segment, t.amount
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
JOIN main.sales.customers c ON c.customer_id = t.customer_id
