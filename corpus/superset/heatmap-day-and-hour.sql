SELECT date_trunc('day', event_ts) AS event_ts,
       hour(event_ts) AS hour_of_day,
       count(*) AS `count`
FROM main.web.page_events
WHERE event_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-08 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('day', event_ts),
         hour(event_ts)
ORDER BY `count` DESC
LIMIT 10000
