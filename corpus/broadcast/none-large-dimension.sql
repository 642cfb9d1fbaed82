SELECT c.segment, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.customers c ON c.customer_id = t.customer_id
GROUP BY c.segment
