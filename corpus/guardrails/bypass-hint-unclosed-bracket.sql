SELECT /*+ this is ( not a hint */ p.category, t.amount
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
