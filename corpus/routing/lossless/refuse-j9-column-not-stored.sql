SELECT t.customer_id, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
GROUP BY t.customer_id
