SELECT product_id, t.amount, p.category
FROM main.sales.transactions t
JOIN main.sales.products p USING (product_id)
LEFT JOIN main.sales.inventory i USING (product_id, region)
