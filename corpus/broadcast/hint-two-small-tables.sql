SELECT r.name, p.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.products p ON p.product_id = t.product_id
JOIN main.sales.regions r ON r.region_id = t.region_id
GROUP BY r.name, p.category
