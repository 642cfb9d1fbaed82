SELECT c.segment, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.customers AS c ON t.customer_id = c.customer_id
GROUP BY c.segment
