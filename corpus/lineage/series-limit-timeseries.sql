SELECT date_trunc('month', o.order_date) AS __timestamp, o.region, sum(o.amount) AS revenue
FROM sales.orders o
INNER JOIN (SELECT region AS region__, sum(amount) AS mme_inner__
            FROM sales.orders
            GROUP BY region
            ORDER BY mme_inner__ DESC
            LIMIT 3) series_limit ON o.region = series_limit.region__
GROUP BY date_trunc('month', o.order_date), o.region
ORDER BY revenue DESC
