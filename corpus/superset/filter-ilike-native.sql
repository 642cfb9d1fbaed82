SELECT referrer AS referrer,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND referrer ILIKE '%google%'
GROUP BY referrer
ORDER BY `count` DESC
LIMIT 10000
