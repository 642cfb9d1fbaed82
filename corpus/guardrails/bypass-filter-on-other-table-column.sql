SELECT t.store_id, sum(t.amount) AS revenue
FROM sales.transactions AS t
JOIN sales.refunds AS r ON r.order_id = t.order_id
WHERE r.transaction_date >= DATE '2026-11-01'
  AND r.transaction_date < DATE '2026-11-24'
GROUP BY t.store_id
LIMIT 1000
