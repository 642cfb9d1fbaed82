SELECT product_id, product_name
FROM main.sales.products
WHERE product_id NOT IN (SELECT product_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-01-01')
