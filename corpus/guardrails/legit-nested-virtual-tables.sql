SELECT store_id, sum(amount) AS revenue
FROM (SELECT * FROM (SELECT * FROM sales.transactions WHERE channel = 'store') AS inner_vt) AS virtual_table
WHERE transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'
GROUP BY store_id
LIMIT 500
