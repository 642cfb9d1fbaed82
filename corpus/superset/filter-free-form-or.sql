SELECT device AS device,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND (country = 'DE' OR country = 'AT' OR page RLIKE '^/de/')
GROUP BY device
ORDER BY `count` DESC
LIMIT 10000
