SELECT Prod.category, t.amount
FROM main.sales.transactions t
JOIN main.sales.products Prod ON Prod.product_id = t.product_id
