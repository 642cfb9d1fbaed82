SELECT COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM main.sales.customers
LIMIT 10000
