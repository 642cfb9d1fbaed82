SELECT date_trunc('day', event_ts) AS event_ts,
       device AS device,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-12-01 00:00:00.000000' AS TIMESTAMP)
  AND country IN ('FR', 'BE')
  AND (device NOT IN ('bot'))
  AND page LIKE '/checkout%'
  AND referrer IS NOT NULL
  AND user_id != ''
  AND (duration_ms > 1000)
GROUP BY date_trunc('day', event_ts),
         device
ORDER BY `count` DESC
LIMIT 10000
