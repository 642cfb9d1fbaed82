SELECT COUNT(DISTINCT user_id) AS `Active users`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-30 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-12-01 00:00:00.000000' AS TIMESTAMP)
  AND device IN ('ios', 'android')
LIMIT 10000
