SELECT date_trunc('day', event_date) AS event_date,
       device AS device,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_date >= CAST('2026-11-01' AS DATE)
  AND event_date < CAST('2026-11-15' AS DATE)
GROUP BY date_trunc('day', event_date),
         device
ORDER BY `count` DESC
LIMIT 10000
