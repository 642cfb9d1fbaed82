SELECT t.region, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN (SELECT region AS region__, sum(amount) AS mme_inner__
      FROM main.sales.transactions
      GROUP BY region
      ORDER BY mme_inner__ DESC, region__
      LIMIT 3) AS series_limit ON t.region = series_limit.region__
GROUP BY t.region
ORDER BY 1
