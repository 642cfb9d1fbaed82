SELECT customer_id, segment, signup_date
FROM main.sales.customers
ORDER BY segment ASC NULLS LAST, signup_date DESC NULLS FIRST, customer_id
