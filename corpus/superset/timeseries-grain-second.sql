SELECT date_trunc('second', event_ts) AS event_ts,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-30 12:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-30 12:05:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('second', event_ts)
ORDER BY `count` DESC
LIMIT 10000
