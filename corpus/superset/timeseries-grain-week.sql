SELECT date_trunc('week', event_date) AS event_date,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-08-01' AS DATE)
  AND event_date < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('week', event_date)
ORDER BY `count` DESC
LIMIT 10000
