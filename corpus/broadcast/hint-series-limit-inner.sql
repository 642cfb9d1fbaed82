SELECT t.region_id, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN (SELECT r.region_id AS region__, count(*) AS mme_inner__
      FROM main.sales.transactions x JOIN main.sales.regions r ON r.region_id = x.region_id
      GROUP BY r.region_id ORDER BY mme_inner__ DESC LIMIT 5) AS series_limit
  ON t.region_id = series_limit.region__
GROUP BY t.region_id
