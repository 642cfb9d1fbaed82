SELECT count(DISTINCT customer_id) AS customers, COUNT(DISTINCT region, channel) AS combos, count(*) AS rows_n, count(1) AS ones, approx_count_distinct(customer_id) AS approx_customers
FROM main.sales.transactions
