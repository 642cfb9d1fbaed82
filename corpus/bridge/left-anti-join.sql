SELECT p.product_id
FROM main.sales.products p
LEFT ANTI JOIN main.sales.transactions t ON t.product_id = p.product_id
