SELECT d.tag, t.amount
FROM main.sales.transactions t
JOIN (SELECT product_id, explode(tags) AS tag FROM main.sales.products) AS d ON d.product_id = t.product_id
