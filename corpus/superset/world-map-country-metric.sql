SELECT country AS country,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`,
       count(*) AS `count`
FROM main.web.page_events
JOIN
  (SELECT country AS country__,
          COUNT(DISTINCT user_id) AS mme_inner__
   FROM main.web.page_events
   WHERE event_date >= CAST('2026-11-01' AS DATE)
   GROUP BY country
   ORDER BY mme_inner__ DESC
   LIMIT 50) AS series_limit ON country = country__
WHERE event_date >= CAST('2026-11-01' AS DATE)
GROUP BY country
ORDER BY `COUNT_DISTINCT(user_id)` DESC
LIMIT 10000
