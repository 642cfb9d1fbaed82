SELECT p.category, sum(t.amount) AS revenue
FROM main.sales.products p
JOIN main.sales.transactions t ON p.product_id = t.product_id
GROUP BY p.category
