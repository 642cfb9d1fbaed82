SELECT region, status, sum(amount) AS revenue, min(amount) AS lo, max(amount) AS hi, grouping(region) AS g_region, grouping(status) AS g_status
FROM main.sales.transactions
GROUP BY CUBE(region, status)
