SELECT date_trunc('minute', event_ts) AS event_ts,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-30 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-30 06:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('minute', event_ts)
LIMIT 10000
