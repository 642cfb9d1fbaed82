SELECT date_trunc('week', event_date) AS event_date,
       page_group AS page_group,
       count(*) AS `count`
FROM
  (SELECT event_date, split(page, '/')[1] AS page_group, user_id
FROM main.web.page_events
) AS virtual_table
JOIN
  (SELECT page_group AS page_group__,
          count(*) AS mme_inner__
   FROM
     (SELECT event_date, split(page, '/')[1] AS page_group, user_id
FROM main.web.page_events
) AS virtual_table
   WHERE event_date >= CAST('2026-09-01' AS DATE)
     AND event_date < CAST('2026-12-01' AS DATE)
   GROUP BY page_group
   ORDER BY mme_inner__ DESC
   LIMIT 5) AS series_limit ON page_group = page_group__
WHERE event_date >= CAST('2026-09-01' AS DATE)
  AND event_date < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('week', event_date),
         page_group
ORDER BY `count` DESC
LIMIT 10000
