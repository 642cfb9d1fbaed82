SELECT t.amount, c.segment
FROM main.sales.transactions t, main.sales.customers c
WHERE t.customer_id = c.customer_id
