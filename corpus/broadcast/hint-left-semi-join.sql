-- The small side of a LEFT SEMI JOIN is broadcast, as for a left join.
SELECT t.region FROM main.sales.transactions t LEFT SEMI JOIN main.sales.products p ON t.product_id = p.id WHERE t.transaction_date >= '2026-11-01' LIMIT 10
