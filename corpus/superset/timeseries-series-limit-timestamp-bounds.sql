SELECT date_trunc('hour', event_ts) AS event_ts,
       page AS page,
       count(*) AS `count`
FROM main.web.page_events
JOIN
  (SELECT page AS page__,
          count(*) AS mme_inner__
   FROM main.web.page_events
   WHERE event_ts >= CAST('2026-11-29 00:00:00.000000' AS TIMESTAMP)
     AND event_ts < CAST('2026-11-30 00:00:00.000000' AS TIMESTAMP)
   GROUP BY page
   ORDER BY mme_inner__ DESC
   LIMIT 3) AS series_limit ON page = page__
WHERE event_ts >= CAST('2026-11-29 00:00:00.000000' AS TIMESTAMP)
  AND event_ts < CAST('2026-11-30 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('hour', event_ts),
         page
LIMIT 10000
