SELECT segment AS segment,
       sum(CASE WHEN is_active THEN 1 ELSE 0 END) AS active_customers,
       count(*) AS `count`
FROM main.sales.customers
GROUP BY segment
ORDER BY active_customers DESC
LIMIT 10000
