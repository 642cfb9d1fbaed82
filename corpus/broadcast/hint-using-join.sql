SELECT product_id, p.category, t.amount
FROM main.sales.transactions t
JOIN main.sales.products p USING (product_id)
