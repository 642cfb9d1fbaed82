WITH prods AS (SELECT product_id, category FROM main.sales.products WHERE category <> 'x')
SELECT pr.category, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN prods pr ON pr.product_id = t.product_id
GROUP BY pr.category
