SELECT category, t.amount
FROM main.sales.transactions t
JOIN (SELECT product_id AS pid, category FROM main.sales.products) ON pid = t.product_id
