SELECT p.category, sum(t.amount) AS revenue, count(*) AS orders
FROM main.sales.transactions AS t
LEFT JOIN main.sales.products AS p ON t.product_id = p.product_id
WHERE t.transaction_date >= DATE '2026-09-01'
GROUP BY p.category
