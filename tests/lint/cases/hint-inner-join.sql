SELECT p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
GROUP BY p.category
