-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT store_id, SUM(amount) AS s FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' GROUP BY store_id HAVING SUM(amount) > (SELECT AVG(amount) FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-10')
