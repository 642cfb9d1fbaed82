SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date BETWEEN DATE '2026-01-01' AND DATE '2026-06-30'
GROUP BY store_id
ORDER BY revenue DESC
LIMIT 25
