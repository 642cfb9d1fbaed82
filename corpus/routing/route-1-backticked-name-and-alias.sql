SELECT t.region, sum(t.amount) AS revenue
FROM `main`.`sales`.`transactions` AS t
GROUP BY t.region
ORDER BY 1
