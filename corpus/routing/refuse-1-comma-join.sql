SELECT t.region, sum(t.amount) AS revenue
FROM main.sales.transactions t, main.sales.products p
WHERE p.product_id = t.product_id
GROUP BY t.region
