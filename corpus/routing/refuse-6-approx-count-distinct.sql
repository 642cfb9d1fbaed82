SELECT approx_count_distinct(region) AS regions
FROM main.sales.transactions
