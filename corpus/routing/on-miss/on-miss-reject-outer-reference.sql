SELECT p.product_id,
       (SELECT sum(t.amount) FROM main.sales.transactions t WHERE t.region = p.category) AS revenue
FROM main.sales.products p
