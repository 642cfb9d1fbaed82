SELECT c.customer_id, c.segment
FROM main.sales.customers c
LEFT SEMI JOIN main.sales.transactions t ON t.customer_id = c.customer_id
