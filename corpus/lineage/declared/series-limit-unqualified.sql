SELECT region, sum(amount) AS revenue
FROM sales.orders
JOIN (SELECT region AS region__, sum(amount) AS mme_inner__ FROM sales.orders GROUP BY region
      ORDER BY mme_inner__ DESC LIMIT 5) AS series_limit ON region = region__
GROUP BY region
