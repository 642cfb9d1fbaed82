SELECT device AS device,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-08 00:00:00.000000' AS TIMESTAMP)
GROUP BY device
ORDER BY `count` DESC
LIMIT 10000
