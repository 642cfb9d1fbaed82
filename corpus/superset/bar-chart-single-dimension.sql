SELECT page AS page,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND event_date < CAST('2026-11-30' AS DATE)
GROUP BY page
ORDER BY `count` DESC
LIMIT 10000
