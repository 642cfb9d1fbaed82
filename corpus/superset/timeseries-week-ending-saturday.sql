SELECT date_trunc('week', event_ts + interval '1 day') + interval '5 days' AS event_ts,
       COUNT(DISTINCT user_id) AS `COUNT_DISTINCT(user_id)`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-09-05 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-12-05 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('week', event_ts + interval '1 day') + interval '5 days'
ORDER BY `COUNT_DISTINCT(user_id)` DESC
LIMIT 10000
