WITH tx AS (
  SELECT customer_id, transaction_date, amount FROM sales.transactions
)
SELECT cur.customer_id, sum(cur.amount) AS now_amount, sum(prev.amount) AS earlier_amount
FROM tx AS cur
JOIN tx AS prev ON prev.customer_id = cur.customer_id
WHERE cur.transaction_date >= DATE '2026-11-01'
GROUP BY cur.customer_id
LIMIT 1000
