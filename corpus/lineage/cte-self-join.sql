WITH m AS (SELECT customer_id, month, revenue FROM sales.monthly_revenue)
SELECT cur.customer_id, cur.revenue - prev.revenue AS growth
FROM m cur JOIN m prev ON cur.customer_id = prev.customer_id AND cur.month = prev.month + 1
