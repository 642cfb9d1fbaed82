SELECT d.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN (SELECT product_id, category FROM main.sales.products) AS d ON d.product_id = t.product_id
GROUP BY d.category
