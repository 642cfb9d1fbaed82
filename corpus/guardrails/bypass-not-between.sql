SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date NOT BETWEEN DATE '2020-01-01' AND DATE '2026-10-31'
GROUP BY store_id
LIMIT 1000
