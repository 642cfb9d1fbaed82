SELECT sum(customer_id) AS s
FROM main.sales.transactions
