SELECT page AS page,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-24' AS DATE)
  AND event_date < CAST('2026-12-01' AS DATE)
  AND page LIKE '/products/%'
GROUP BY page
ORDER BY `count` DESC
LIMIT 10000
