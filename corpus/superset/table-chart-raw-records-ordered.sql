SELECT event_ts AS event_ts,
       user_id AS user_id,
       page AS page,
       device AS device
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-20 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-21 00:00:00.000000' AS TIMESTAMP)
ORDER BY event_ts DESC
LIMIT 500
