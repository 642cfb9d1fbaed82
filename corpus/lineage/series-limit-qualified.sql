SELECT o.region, o.channel, sum(o.amount) AS revenue
FROM sales.orders AS o
JOIN (SELECT region AS region__, channel AS channel__, count(*) AS mme_inner__
      FROM sales.orders
      GROUP BY region, channel
      ORDER BY mme_inner__ DESC
      LIMIT 10) AS series_limit
  ON o.region = series_limit.region__ AND o.channel = series_limit.channel__
GROUP BY o.region, o.channel
