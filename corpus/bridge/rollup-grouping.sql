SELECT region, product_id, sum(amount) AS total, grouping(region) AS g_region, grouping_id(region, product_id) AS gid
FROM main.sales.transactions
GROUP BY ROLLUP (region, product_id)
