SELECT CASE WHEN amount >= 100 THEN 'large' ELSE 'small' END AS size_band, count(*) AS n
FROM sales.orders
GROUP BY CASE WHEN amount >= 100 THEN 'large' ELSE 'small' END
