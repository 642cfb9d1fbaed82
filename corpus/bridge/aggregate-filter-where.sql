SELECT region,
       sum(amount) FILTER (WHERE channel = 'web') AS web_revenue,
       count(*) FILTER (WHERE amount > 100) AS big_orders,
       avg(amount) FILTER (WHERE quantity > 1 AND discount IS NULL) AS avg_multi
FROM main.sales.transactions
GROUP BY region
