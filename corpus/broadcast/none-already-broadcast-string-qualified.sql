-- BROADCAST('sales.products') names the unaliased main.sales.products.
SELECT /*+ BROADCAST('sales.products') */ products.category, sum(t.amount) AS revenue
FROM main.sales.transactions t JOIN main.sales.products ON t.product_id = products.product_id
GROUP BY products.category
